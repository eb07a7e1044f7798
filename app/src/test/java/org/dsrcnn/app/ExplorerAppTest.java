package org.dsrcnn.app;

import static org.dsrcnn.app.TestApps.waitUntil;
import static org.dsrcnn.app.TestApps.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.NotificationPane;
import org.dsrcnn.app.main.ScriptedDialogs;
import org.dsrcnn.app.explorer.ExplorerViewModel;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.TraceJson;
import org.dsrcnn.viewer.canvas.DetectionCanvas;
import org.dsrcnn.viewer.canvas.ViewTransform;
import org.dsrcnn.viewer.charts.ExpertMixChart;
import org.dsrcnn.viewer.charts.ExpertWeightsHeatmap;
import org.dsrcnn.viewer.charts.ScoreSparkline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the whole explorer window with a robot, headless, with the real detector (the engine's
 * Predictor and the project's default model): start-up on {@code sample-images/}, stage
 * scrubbing, the threshold slider, selecting a box, exports, a corrupt image, a dataset's GT.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerAppTest {

    @TempDir
    static Path temp;

    private ExplorerApp app;
    private ExplorerViewModel vm;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dialogs = new ScriptedDialogs();
        app = new ExplorerApp(TestApps.services(temp), s -> dialogs);
        app.start(stage);
        vm = app.viewModel();
    }

    @org.junit.jupiter.api.AfterAll
    static void closeModel() {
        TestApps.close();
    }



    private void waitForFirstImage() throws Exception {
        waitUntil(() -> vm.analysesDoneProperty().get() >= 1 && !vm.executor().busyProperty().get());
    }

    private DetectionCanvas canvas() {
        return app.view().canvas();
    }

    private Point2D screenOf(double imageX, double imageY) throws Exception {
        return fx(() -> {
            ViewTransform t = canvas().viewTransform();
            return canvas().localToScreen(t.toViewX(imageX), t.toViewY(imageY));
        });
    }

    /** Count of pixels that differ between two snapshots of the same size. */
    private static int differingPixels(WritableImage a, WritableImage b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void startUpShowsTheFirstSampleImageWithDetections(FxRobot robot) throws Exception {
        waitForFirstImage();
        List<Path> images = vm.browser().images();
        assertTrue(images.size() >= 4, "sample images listed: " + images);
        assertEquals(images.get(0), vm.imagePathProperty().get());
        DetectionTrace trace = vm.traceProperty().get();
        assertNotNull(trace);
        long expected = vm.detectionsProperty().get().stream()
                .filter(d -> d.score() >= vm.scoreThresholdProperty().get()).count();
        assertTrue(expected > 0, "some detection passes the threshold");
        assertEquals(expected, canvas().getLastFrame().detections());
        String model = robot.lookup("#status-model").queryAs(Label.class).getText();
        assertTrue(!model.isBlank() && !model.equals("no model"), model);
        assertTrue(robot.lookup("#status-timings").queryAs(Label.class).getText().startsWith("total "));
        fx(() -> Screenshots.save(stage.getScene(), "main-window"));
    }

    @Test
    void movingTheStageScrubberChangesTheBoxesDrawn(FxRobot robot) throws Exception {
        waitForFirstImage();
        robot.clickOn("#layer-stage");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.showStageBoxesProperty().get());
        int stages = vm.numStagesProperty().get();
        assertEquals(stages, canvas().getLastFrame().stage());
        WritableImage atFinal = fx(() -> canvas().canvas().snapshot(null, null));

        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.stageProperty().get());
        assertEquals(0, canvas().getLastFrame().stage());
        assertEquals(vm.traceProperty().get().numProposals(), canvas().getLastFrame().stageBoxes());
        WritableImage atZero = fx(() -> canvas().canvas().snapshot(null, null));
        assertTrue(differingPixels(atFinal, atZero) > 1000, "stage 0 draws other boxes than the final stage");

        // drag the slider's thumb to its right end: back to the final stage
        Slider slider = robot.lookup("#stage-slider").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(slider.getWidth() + 40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stages, vm.stageProperty().get());
        assertEquals(stages, canvas().getLastFrame().stage());
        fx(() -> {
            vm.showTrailsProperty().set(true);
            return null;
        });
        fx(() -> Screenshots.save(stage.getScene(), "stages-and-trails"));
    }

    @Test
    void theThresholdSliderFiltersTheDetections(FxRobot robot) throws Exception {
        waitForFirstImage();
        int before = canvas().getLastFrame().detections();
        Slider slider = robot.lookup("#threshold-slider").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(slider.getWidth() * 0.5, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double threshold = vm.scoreThresholdProperty().get();
        assertTrue(threshold > 0.5, "moved up to " + threshold);
        long expected = vm.detectionsProperty().get().stream().filter(d -> d.score() >= threshold).count();
        assertEquals(expected, canvas().getLastFrame().detections());
        assertTrue(expected < before, expected + " < " + before);
        String shown = robot.lookup("#threshold-value").queryAs(Label.class).getText();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", threshold), shown);
    }

    @Test
    void clickingABoxSelectsTheProposalAndTheDpgPanelFollows(FxRobot robot) throws Exception {
        waitForFirstImage();
        List<Detection> visible = vm.visibleDetectionsProperty().get();
        // the expected pick, by brute force: the smallest visible detection containing the point,
        // counting points within 3 screen pixels of a box as on it; the point is the centre of a
        // detection whose answer does not change when the click lands a pixel off
        double px = 1.0 / fx(() -> canvas().viewTransform().scale());
        double cx = 0;
        double cy = 0;
        int expected = -1;
        for (Detection target : visible) {
            float[] b = target.box();
            cx = (b[0] + b[2]) / 2;
            cy = (b[1] + b[3]) / 2;
            int tight = pick(visible, cx, cy, 2 * px);
            if (tight >= 0 && tight == pick(visible, cx, cy, 4 * px)) {
                expected = tight;
                break;
            }
        }
        assertTrue(expected >= 0, "a detection to click");
        robot.clickOn(screenOf(cx, cy), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int selected = vm.selectedProposalProperty().get();
        assertEquals(expected, selected);
        DetectionTrace trace = vm.traceProperty().get();
        ExpertWeightsHeatmap heatmap = robot.lookup("#expert-heatmap").queryAs(ExpertWeightsHeatmap.class);
        assertEquals(selected, heatmap.selectedProposalProperty().get());
        ExpertMixChart mix = robot.lookup("#expert-mix").queryAs(ExpertMixChart.class);
        assertArrayEquals(trace.experts().weights()[selected], mix.selectedWeightsProperty().get());
        ScoreSparkline spark = robot.lookup("#score-sparkline").queryAs(ScoreSparkline.class);
        assertEquals(trace.numStages(), spark.valuesProperty().get().length);
        assertEquals(trace.stages().get(trace.numStages()).topScore(selected),
                spark.valuesProperty().get()[trace.numStages() - 1], 1e-6);
        assertEquals(trace.numStages() + 1, canvas().getLastFrame().selectedBoxes());
        assertEquals(trace.experts().experts(), canvas().getLastFrame().expertBoxes());

        // the selection survives a stage change, and the panel text follows the stage
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(selected, vm.selectedProposalProperty().get());
        String text = robot.lookup("#selection-text").queryAs(Label.class).getText();
        assertTrue(text.startsWith("proposal #" + selected + " · stage 2"), text);
        fx(() -> Screenshots.save(stage.getScene(), "selected-proposal-dpg"));

        // selecting in the heat map moves the selection on the canvas
        double[] row = fx(() -> heatmap.rowBounds(3));
        Point2D p = fx(() -> heatmap.localToScreen(heatmap.getWidth() / 2, row[0] + row[1] / 2));
        double[] clickedY = {Double.NaN};
        fx(() -> {
            heatmap.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> clickedY[0] = e.getY());
            return null;
        });
        robot.clickOn(p, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // rows are ~2 px tall here, and the robot clicks whole screen pixels: the row where the click landed
        int under = fx(() -> heatmap.proposalAt(clickedY[0]));
        assertTrue(Math.abs(under - 3) <= 1, "clicked next to row 3: " + under);
        assertEquals(under, vm.selectedProposalProperty().get());
        assertEquals(under, canvas().selectedProposalProperty().get());
    }

    private static int pick(List<Detection> dets, double x, double y, double tol) {
        int best = -1;
        double bestArea = Double.MAX_VALUE;
        for (Detection d : dets) {
            float[] q = d.box();
            double area = (q[2] - q[0]) * (q[3] - q[1]);
            if (x >= q[0] - tol && x <= q[2] + tol && y >= q[1] - tol && y <= q[3] + tol && area < bestArea) {
                bestArea = area;
                best = d.proposal();
            }
        }
        return best;
    }

    @Test
    void exportsWriteValidFiles(FxRobot robot) throws Exception {
        waitForFirstImage();
        Path png = temp.resolve("view.png");
        Path coco = temp.resolve("dets.json");
        Path trace = temp.resolve("trace.json");
        dialogs.answers.add(png);
        robot.clickOn("#export-menu").clickOn("View as PNG…");
        waitUntil(() -> Files.exists(png) && !vm.executor().busyProperty().get());
        // the image's own resolution with the overlays on it (was a grab of the canvas with its margins)
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) vm.imageProperty().get().getWidth(), img.getWidth());
        assertEquals((int) vm.imageProperty().get().getHeight(), img.getHeight());
        Detection first = vm.visibleDetectionsProperty().get().stream()
                .filter(d -> d.box()[0] > 2 && d.box()[1] > 20 && d.box()[2] < img.getWidth() - 2
                        && d.box()[3] < img.getHeight() - 2)
                .findFirst().orElseThrow();
        javafx.scene.paint.Color edge = org.dsrcnn.viewer.ClassColors.of(first.label());
        int rgb = img.getRGB(Math.round(first.box()[2]) - 1, Math.round((first.box()[1] + first.box()[3]) / 2));
        assertEquals((int) Math.round(edge.getRed() * 255), (rgb >> 16) & 0xff, 40, "right edge of the best box");

        dialogs.answers.add(coco);
        robot.clickOn("#export-menu").clickOn("Detections shown as COCO results JSON…");
        waitUntil(() -> Files.exists(coco) && !vm.executor().busyProperty().get());
        JsonNode arr = new ObjectMapper().readTree(coco.toFile());
        List<Detection> visible = vm.visibleDetectionsProperty().get();
        assertEquals(visible.size(), arr.size());
        Detection d0 = visible.get(0);
        assertEquals(d0.label() + 1, arr.get(0).get("category_id").asInt());
        assertEquals(d0.box()[2] - d0.box()[0], arr.get(0).get("bbox").get(2).asDouble(), 1e-3);
        assertEquals(vm.imagePathProperty().get().getFileName().toString(), arr.get(0).get("file_name").asText());

        dialogs.answers.add(trace);
        robot.clickOn("#export-menu").clickOn("Trace as JSON…");
        waitUntil(() -> Files.exists(trace) && !vm.executor().busyProperty().get());
        DetectionTrace back = TraceJson.read(trace);
        DetectionTrace shown = vm.traceProperty().get();
        assertEquals(shown.numProposals(), back.numProposals());
        assertEquals(shown.numStages(), back.numStages());
        assertArrayEquals(shown.stages().get(3).boxes()[5], back.stages().get(3).boxes()[5]);
        JsonNode source = new ObjectMapper().readTree(trace.toFile()).get("source");
        assertEquals(vm.imagePathProperty().get().toAbsolutePath().toString(), source.get("image").asText());
        assertEquals(vm.scoreThresholdProperty().get(), source.get("scoreThreshold").asDouble(), 0.0);
        assertEquals(vm.topKProperty().get(), source.get("topK").asInt());
        assertEquals(vm.nmsProperty().get(), source.get("nms").asBoolean());
    }

    @Test
    void aCorruptImageShowsAnErrorAndTheAppKeepsWorking(FxRobot robot) throws Exception {
        waitForFirstImage();
        Path folder = Files.createDirectories(temp.resolve("mixed"));
        Path corrupt = folder.resolve("a-corrupt.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        Files.copy(AppServices.projectHome().resolve("sample-images/chelsea.png"), folder.resolve("b-chelsea.png"));
        int done = vm.analysesDoneProperty().get();

        dialogs.answers.add(corrupt);
        robot.clickOn("#open-menu").clickOn("Image…");
        NotificationPane pane = robot.lookup("#notifications").queryAs(NotificationPane.class);
        waitUntil(() -> pane.isShowing() && pane.getText() != null && pane.getText().contains("corrupt image"));
        assertTrue(pane.getText().startsWith("corrupt image a-corrupt.png"), pane.getText());
        // the canvas no longer shows the previous image but says why this one cannot be shown
        assertEquals(corrupt, vm.imagePathProperty().get());
        assertEquals(null, vm.traceProperty().get());
        assertEquals(0, canvas().getLastFrame().detections());
        assertTrue(canvas().placeholderProperty().get().contains("corrupt image a-corrupt.png"));
        assertEquals(done, vm.analysesDoneProperty().get());
        Thread.sleep(800); // let the notification bar finish sliding in before the screenshot
        fx(() -> Screenshots.save(stage.getScene(), "error-corrupt-image"));

        robot.type(KeyCode.D);  // next image: the good one
        waitUntil(() -> vm.analysesDoneProperty().get() == done + 1 && !vm.executor().busyProperty().get());
        assertEquals(folder.resolve("b-chelsea.png"), vm.imagePathProperty().get());
        assertTrue(canvas().getLastFrame().detections() >= 0);
        // the error was about the corrupt image: it does not stay up over the good one (issue 13)
        waitUntil(() -> !pane.isShowing());
    }

    @Test
    void aCocoDatasetShowsItsGroundTruth(FxRobot robot) throws Exception {
        waitForFirstImage();
        Path data = temp.resolve("shapes");
        new org.dsrcnn.engine.data.shapes.ShapesDatasetWriter(256, 11).write(data, 0, 3, n -> { });
        Path annotations = data.resolve("annotations/val.json");
        int done = vm.analysesDoneProperty().get();
        dialogs.answers.add(annotations);
        robot.clickOn("#open-menu").clickOn("#open-dataset");
        waitUntil(() -> vm.analysesDoneProperty().get() > done && !vm.executor().busyProperty().get());
        assertEquals(3, vm.browser().images().size());
        assertEquals(data.resolve("val").resolve("000001.png").toAbsolutePath(), vm.imagePathProperty().get().toAbsolutePath());
        // the GT of image 1, counted from the annotation file itself
        JsonNode json = new ObjectMapper().readTree(annotations.toFile());
        int expected = 0;
        for (JsonNode a : json.get("annotations")) {
            if (a.get("image_id").asLong() == 1 && a.path("iscrowd").asInt(0) == 0) {
                expected++;
            }
        }
        assertTrue(expected > 0);
        assertEquals(expected, vm.groundTruthProperty().get().size());
        assertEquals(expected, canvas().getLastFrame().groundTruth());
        fx(() -> Screenshots.save(stage.getScene(), "dataset-ground-truth"));
    }

    @Test
    void theHelpOverlayListsTheShortcuts(FxRobot robot) throws Exception {
        waitForFirstImage();
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        fx(() -> Screenshots.save(stage.getScene(), "help-overlay"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#help-overlay").query().isVisible());
    }
}
