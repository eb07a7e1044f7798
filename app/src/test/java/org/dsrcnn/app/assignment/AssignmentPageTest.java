package org.dsrcnn.app.assignment;

import static org.dsrcnn.app.TestApps.waitUntil;
import static org.dsrcnn.app.TestApps.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dsrcnn.app.ExplorerApp;
import org.dsrcnn.app.TestApps;
import org.dsrcnn.app.main.ScriptedDialogs;
import org.dsrcnn.app.session.AnalysisSession;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.assign.GtMatch;
import org.dsrcnn.engine.cli.Dsrcnn;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.viewer.canvas.DetectionCanvas;
import org.dsrcnn.viewer.canvas.LabeledBoxes;
import org.dsrcnn.viewer.canvas.ViewTransform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Assignment page in the real window, headless, with the real default model on the first
 * sample image: draw a GT box over an object with the keyboard-and-mouse tool, move it, switch
 * matchers, delete, undo, save and load, and compare the panel with {@code dsrcnn assign}.
 */
@ExtendWith(ApplicationExtension.class)
class AssignmentPageTest {

    @TempDir
    static Path temp;

    private ExplorerApp app;
    private AssignmentViewModel vm;
    private AnalysisSession session;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dialogs = new ScriptedDialogs();
        app = new ExplorerApp(TestApps.services(temp), s -> dialogs);
        app.start(stage);
        vm = app.assignmentViewModel();
        session = app.session();
    }

    @AfterAll
    static void closeModel() {
        TestApps.close();
    }



    private DetectionCanvas canvas() {
        return app.assignment().canvas();
    }

    private Point2D screenOf(double x, double y) throws Exception {
        return fx(() -> {
            ViewTransform t = canvas().viewTransform();
            return canvas().localToScreen(t.toViewX(x), t.toViewY(y));
        });
    }

    /** Opens the page on the first sample image and returns its best detection's box. */
    private float[] openOnFirstImage(FxRobot robot) throws Exception {
        waitUntil(() -> session.analysesDoneProperty().get() >= 1 && !session.executor().busyProperty().get());
        robot.clickOn("#page-assignment");
        waitUntil(() -> canvas().getWidth() > 0 && canvas().viewTransform().scale() > 0);
        DetectionTrace t = session.traceProperty().get();
        Detection best = t.detections().get(0);
        return best.box().clone();
    }

    private void drawBox(FxRobot robot, float[] b) throws Exception {
        robot.type(KeyCode.W);
        robot.moveTo(screenOf(b[0], b[1])).press(MouseButton.PRIMARY).moveTo(screenOf((b[0] + b[2]) / 2, (b[1] + b[3]) / 2))
                .moveTo(screenOf(b[2], b[3])).release(MouseButton.PRIMARY);
        waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get().gtIndex().length == 1);
    }

    private int linesDrawn() {
        return canvas().getLastFrame().count("assignment");
    }

    private static List<List<Integer>> pairs(Assignment a) {
        List<List<Integer>> out = new ArrayList<>();
        for (int[] p : a.pairs()) {
            out.add(List.of(p[0], p[1]));
        }
        return out;
    }

    @Test
    void drawMoveSwitchDeleteUndo(FxRobot robot) throws Exception {
        float[] object = openOnFirstImage(robot);
        drawBox(robot, object);
        Assignment first = vm.resultProperty().get().chosen();
        assertEquals("ota", first.matcher(), "the default model was trained with OTA");
        assertTrue(first.positives() >= 1, "a box over an object gets at least one positive");
        assertEquals(first.positives(), linesDrawn(), "one line per positive");
        fx(() -> org.dsrcnn.app.Screenshots.save(stage.getScene(), "assignment-ota"));

        // move the box away from the object (drag its middle): the assignment changes
        float[] gt = fx(() -> session.groundTruthProperty().get().boxes()[0]);
        double w = gt[2] - gt[0];
        // towards the far side of the image (the box stays inside it, so it moves at most that far)
        double dx = (gt[0] + gt[2]) / 2 > session.traceProperty().get().imageWidth() / 2.0 ? -1.5 * w : 1.5 * w;
        robot.moveTo(screenOf((gt[0] + gt[2]) / 2, (gt[1] + gt[3]) / 2)).press(MouseButton.PRIMARY)
                .moveTo(screenOf((gt[0] + gt[2]) / 2 + dx / 2, (gt[1] + gt[3]) / 2))
                .moveTo(screenOf((gt[0] + gt[2]) / 2 + dx, (gt[1] + gt[3]) / 2)).release(MouseButton.PRIMARY);
        waitUntil(() -> !java.util.Arrays.equals(session.groundTruthProperty().get().boxes()[0], gt));
        WaitForAsyncUtils.waitForFxEvents();
        Assignment moved = vm.resultProperty().get().chosen();
        assertNotEquals(pairs(first), pairs(moved), "moving the box changes which predictions are positive");

        // Hungarian: exactly one positive per GT, at every stage
        robot.type(KeyCode.H);
        waitUntil(() -> "hungarian".equals(vm.resultProperty().get().chosen().matcher()));
        for (Assignment a : vm.resultProperty().get().chosenPerStage()) {
            assertEquals(1, a.positives(), "Hungarian: one positive for the one GT");
        }
        assertEquals(1, linesDrawn());
        robot.type(KeyCode.H);
        waitUntil(() -> "ota".equals(vm.resultProperty().get().chosen().matcher()));

        // Delete removes the box and its lines; Ctrl+Z brings both back
        int before = linesDrawn();
        assertTrue(before >= 1);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> session.groundTruthProperty().get().size() == 0);
        assertEquals(0, linesDrawn(), "no GT, no lines");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> session.groundTruthProperty().get().size() == 1);
        assertEquals(before, linesDrawn(), "undo brings the box and its lines back");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> session.groundTruthProperty().get().size() == 0);
    }

    @Test
    void thePanelEqualsDsrcnnAssignOnTheSameProblem(FxRobot robot) throws Exception {
        float[] object = openOnFirstImage(robot);
        drawBox(robot, object);
        // a second box, elsewhere: two GT compete
        DetectionTrace t = session.traceProperty().get();
        Detection other = t.detections().stream().filter(d -> iou(d.box(), object) < 0.1).findFirst().orElseThrow();
        drawBox2(robot, other.box());
        for (int stageT : new int[] {2, 6}) {
            fx(() -> {
                session.stageProperty().set(stageT);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            waitUntil(() -> vm.resultProperty().get().stage() == stageT);
            Path problem = temp.resolve("problem-" + stageT + ".json");
            Files.writeString(problem, fx(vm::problemJson));
            AssignmentResult r = vm.resultProperty().get();
            for (String matcher : List.of("ota", "hungarian")) {
                StringWriter out = new StringWriter();
                var cli = Dsrcnn.commandLine();
                cli.setOut(new PrintWriter(out));
                int code = cli.execute("assign", "--problem", problem.toString(), "--matcher", matcher,
                        "--k", "dynamic", "--q", String.valueOf(vm.qProperty().get()),
                        "--eps", String.valueOf(vm.epsProperty().get()),
                        "--iters", String.valueOf(vm.iterationsProperty().get()), "--cap", "0.8");
                assertEquals(0, code, out.toString());
                JsonNode json = new ObjectMapper().readTree(out.toString());
                Assignment shown = matcher.equals("ota") ? r.ota() : r.hungarian();
                List<List<Integer>> cliPairs = new ArrayList<>();
                json.get("pairs").forEach(p -> cliPairs.add(List.of(p.get(0).asInt(), p.get(1).asInt())));
                assertEquals(pairs(shown), cliPairs, matcher + " pairs at stage " + stageT);
                double[] k = new double[json.get("k").size()];
                for (int i = 0; i < k.length; i++) {
                    k[i] = json.get("k").get(i).asDouble();
                }
                assertArrayEquals(shown.gts().stream().mapToDouble(GtMatch::kStar).toArray(), k, 1e-12,
                        matcher + " k* at stage " + stageT);
            }
        }
        // the README's screenshot: OTA and Hungarian side by side, a positive selected
        robot.type(KeyCode.C);
        waitUntil(() -> vm.compareProperty().get());
        fx(() -> {
            Assignment a = vm.resultProperty().get().chosen();
            session.selectedProposalProperty().set(a.pairs()[0][0]);
            return null;
        });
        waitUntil(() -> !vm.followProperty().get().isEmpty());
        assertEquals(session.numStagesProperty().get(), vm.followProperty().get().size(), "one cell per stage");
        fx(() -> org.dsrcnn.app.Screenshots.save(stage.getScene(), "assignment-compare"));
    }

    private void drawBox2(FxRobot robot, float[] b) throws Exception {
        robot.type(KeyCode.W);
        robot.moveTo(screenOf(b[0], b[1])).press(MouseButton.PRIMARY).moveTo(screenOf((b[0] + b[2]) / 2, (b[1] + b[3]) / 2))
                .moveTo(screenOf(b[2], b[3])).release(MouseButton.PRIMARY);
        waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get().gtIndex().length == 2);
    }

    private static double iou(float[] a, float[] b) {
        double iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = iw * ih;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    @Test
    void savedBoxesLoadBackIdentical(FxRobot robot) throws Exception {
        float[] object = openOnFirstImage(robot);
        drawBox(robot, object);
        robot.type(KeyCode.DIGIT3); // class 3 for the selected box
        waitUntil(() -> session.groundTruthProperty().get().labels()[0] == 2);
        LabeledBoxes saved = fx(() -> session.groundTruthProperty().get());
        Path file = temp.resolve("gt.json");
        dialogs.answers.add(file);
        robot.clickOn("#save-gt");
        waitUntil(() -> Files.exists(file) && !session.executor().busyProperty().get());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, json.get("annotations").size());
        assertEquals(session.traceProperty().get().classNames().size(), json.get("categories").size());

        robot.type(KeyCode.DELETE);
        waitUntil(() -> session.groundTruthProperty().get().size() == 0);
        dialogs.answers.add(file);
        robot.clickOn("#load-gt");
        waitUntil(() -> session.groundTruthProperty().get().size() == 1 && !session.executor().busyProperty().get());
        LabeledBoxes loaded = fx(() -> session.groundTruthProperty().get());
        assertArrayEquals(saved.labels(), loaded.labels());
        assertArrayEquals(saved.boxes()[0], loaded.boxes()[0], 1e-4f);
    }

    @Test
    void digitsTypedIntoTextFieldsDoNotMoveTheStage(FxRobot robot) throws Exception {
        openOnFirstImage(robot);
        int stageBefore = session.stageProperty().get();
        // the q spinner on this page
        Spinner<?> q = robot.lookup("#q").queryAs(Spinner.class);
        robot.clickOn(q.getEditor());
        robot.type(KeyCode.END).type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stageBefore, session.stageProperty().get(), "digits typed into q");
        assertEquals(1, session.groundTruthProperty().get().size() == 0 ? 1 : 0, "no class set, no box made");
        // the explorer's top-k spinner
        robot.clickOn("#page-explorer");
        Spinner<?> topK = robot.lookup("#topk-spinner").queryAs(Spinner.class);
        robot.clickOn(topK.getEditor());
        robot.type(KeyCode.END).type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stageBefore, session.stageProperty().get(), "digits typed into top-k");
        assertTrue(topK.getEditor().getText().endsWith("3"), topK.getEditor().getText());
        // with the canvas focused, a digit is a stage key again
        robot.clickOn("#detection-canvas");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, session.stageProperty().get());
    }
}
