package org.dsrcnn.app.training;

import static org.dsrcnn.app.TestApps.waitUntil;
import static org.dsrcnn.app.TestApps.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.dsrcnn.app.ExplorerApp;
import org.dsrcnn.app.TestApps;
import org.dsrcnn.app.main.ScriptedDialogs;
import org.dsrcnn.engine.data.shapes.ShapesDatasetWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training page in the real window, headless, driving real {@code dsrcnn train} child
 * processes on a small generated shapes dataset: launch from the form, see the loss chart grow,
 * stop (a checkpoint, state stopped), resume to the end, open the model in the Explorer; and a
 * run killed with SIGKILL from outside shows as failed with its log while the app goes on.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPageTest {
    @TempDir
    static Path temp;

    private static Path dataset;
    private ExplorerApp app;
    private TrainingViewModel vm;
    private TrainingPage page;
    private ScriptedDialogs dialogs;

    @BeforeAll
    static void data() throws Exception {
        dataset = temp.resolve("shapes");
        new ShapesDatasetWriter(128, 5).write(dataset, 16, 4, n -> { });
    }

    @Start
    void start(Stage stage) throws Exception {
        dialogs = new ScriptedDialogs();
        app = new ExplorerApp(TestApps.services(temp), s -> dialogs);
        app.start(stage);
        page = app.training();
        vm = page.viewModel();
        vm.runsFolderProperty().set(Files.createDirectories(temp.resolve("runs")));
    }

    /** A failed test must not leave a trainer running after it. */
    @org.junit.jupiter.api.AfterEach
    void killChildren() {
        if (vm != null) {
            vm.children().values().forEach(Process::destroyForcibly);
        }
    }

    @AfterAll
    static void closeModel() {
        TestApps.close();
    }



    private Optional<RunInfo> run(String name) {
        return vm.runs().stream().filter(r -> r.name().equals(name) && !r.sample()).findFirst();
    }

    private boolean state(String name, String state) {
        return run(name).map(r -> r.state().equals(state)).orElse(false);
    }

    /** Clicks the runs table's row of {@code name} (its cell's centre, found on the FX thread). */
    private void clickRow(FxRobot robot, String name) throws Exception {
        javafx.geometry.Point2D p = fx(() -> {
            javafx.scene.Node cell = robot.from(page.table()).lookup((javafx.scene.Node n) ->
                    n instanceof javafx.scene.control.TableCell<?, ?> c && name.equals(c.getText())
                            && c.getScene() != null && c.isVisible()).query();
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        });
        robot.moveTo(p).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(10, () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().name().equals(name));
    }

    private static void focus(javafx.scene.control.TextField field) throws Exception {
        fx(() -> {
            field.requestFocus();
            field.end();
            return null;
        });
        waitUntil(10, () -> fx(field::isFocused));
    }

    private void fillForm(FxRobot robot, String name, int iterations) throws Exception {
        robot.clickOn("#page-training");
        robot.clickOn("#run-new");
        NewRunForm form = robot.lookup(".new-run-form").queryAs(NewRunForm.class);
        fx(() -> {
            form.name.setText(name);
            form.dataset.setText(dataset.toString());
            form.iterations.setText(Integer.toString(iterations));
            form.batch.setText("2");
            form.size.setText("128");
            form.evalInterval.setText("10");
            form.evalImages.setText("4");
            return null;
        });
        // the reason shows at the field before launch, as the user types
        // keys go to the focused field: TestFX hands every test class one stage, an earlier test leaves it
        // at 900x600, and there the form is wider than the left column, so a click at the field's centre
        // lands on the charts (growing the stage again breaks Monocle's painter)
        focus(form.name);
        robot.eraseText(name.length()).write("bad name!");
        // typed keys reach the field asynchronously; on a loaded machine one FX pulse is not enough
        try {
            waitUntil(10, () -> fx(() -> robot.lookup("#error-name").queryLabeled().getText().contains("letters, digits")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(fx(() -> "name field '" + form.name.getText() + "', focus "
                    + form.name.getScene().getFocusOwner() + ", error '" + robot.lookup("#error-name").queryLabeled().getText()
                    + "', field on screen at " + form.name.localToScreen(form.name.getBoundsInLocal())
                    + ", window " + form.name.getScene().getWindow().getWidth() + "x" + form.name.getScene().getWindow().getHeight()), e);
        }
        assertTrue(robot.lookup("#run-launch").queryButton().isDisabled());
        focus(form.name);
        robot.eraseText(9).write(name);
        fx(() -> {
            form.size.setText("100");
            return null;
        });
        assertTrue(robot.lookup("#error-size").queryLabeled().getText().contains("multiple of 32"));
        assertTrue(robot.lookup("#run-launch").queryButton().isDisabled());
        fx(() -> {
            form.size.setText("128");
            return null;
        });
        waitUntil(10, () -> fx(() -> !robot.lookup("#run-launch").queryButton().isDisabled()));
        String command = robot.lookup("#run-command").queryTextInputControl().getText();
        assertTrue(command.contains("train --config small --data " + dataset), command);
    }

    @Test
    void launchWatchStopResumeAndOpenInExplorer(FxRobot robot) throws Exception {
        fillForm(robot, "tiny", 24);
        robot.clickOn("#run-launch");
        // points appear on the loss chart while it runs
        waitUntil(240, () -> state("tiny", RunInfo.RUNNING) && fx(() -> page.charts().get(0).curves().stream()
                .anyMatch(c -> c.label().equals("tiny") && c.size() >= 2)));
        clickRow(robot, "tiny");
        robot.clickOn("#run-stop");
        waitUntil(240, () -> state("tiny", RunInfo.STOPPED));
        RunInfo stopped = run("tiny").orElseThrow();
        assertFalse(stopped.checkpoints().isEmpty(), "a checkpoint is written when it stops");
        long stoppedAt = stopped.iteration();
        assertTrue(stoppedAt < 24, "stopped before the end, at " + stoppedAt);
        assertTrue(Files.isDirectory(stopped.dir().resolve("checkpoints").resolve(String.format("iter_%07d", stoppedAt))),
                "the checkpoint is at the iteration it stopped at");

        robot.clickOn("#run-resume");
        waitUntil(300, () -> state("tiny", RunInfo.FINISHED));
        RunInfo done = run("tiny").orElseThrow();
        assertEquals(24, done.iteration());
        double[] iters = done.metrics().train().get("iter");
        for (int i = 0; i < done.metrics().trainRows(); i++) {
            assertEquals(i + 1, iters[i], "iterations continue where the stop left them");
        }
        assertTrue(done.model() != null);

        robot.clickOn("#run-open");
        robot.clickOn("final model");
        waitUntil(120, () -> fx(() -> app.window().shownProperty().get() == app.view())
                && app.session().modelTextProperty().get().contains("tiny"));
    }

    @Test
    void aRunKilledFromOutsideIsFailedWithItsLogAndTheAppGoesOn(FxRobot robot) throws Exception {
        Path broken = Files.createDirectories(temp.resolve("runs").resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{ not json");
        fillForm(robot, "killed", 100_000);
        robot.clickOn("#run-launch");
        // past iteration 20, where the trainer logs its first progress line
        waitUntil(300, () -> state("killed", RunInfo.RUNNING) && run("killed").get().metrics().trainRows() >= 21);
        long pid = run("killed").get().pid();
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL sent");
        waitUntil(60, () -> state("killed", RunInfo.FAILED));
        clickRow(robot, "killed");
        WaitForAsyncUtils.waitForFxEvents();
        TextArea log = robot.lookup("#run-log").queryAs(TextArea.class);
        assertTrue(log.isVisible() && log.getText().contains("iter 20/"), "the failed run shows its log's tail: " + log.getText());
        assertTrue(robot.lookup("#run-message").queryLabeled().getText().contains("pid " + pid));

        clickRow(robot, "broken");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#run-problem").queryLabeled().getText().startsWith("config.json: "),
                "a corrupt config.json is reported for that run only");
        // the app goes on: the charts still follow the other run, the Explorer still answers
        robot.clickOn("#page-explorer");
        waitUntil(30, () -> fx(() -> app.window().shownProperty().get() == app.view()));

        dialogs.confirmations.add(true);
        robot.clickOn("#page-training");
        clickRow(robot, "killed");
        robot.clickOn("#run-delete");
        waitUntil(30, () -> run("killed").isEmpty());
        assertFalse(Files.exists(temp.resolve("runs").resolve("killed")), "deleted after the user said yes");
    }
}
