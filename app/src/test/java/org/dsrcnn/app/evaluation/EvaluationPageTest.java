package org.dsrcnn.app.evaluation;

import static org.dsrcnn.app.TestApps.waitUntil;
import static org.dsrcnn.app.TestApps.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.dsrcnn.app.ExplorerApp;
import org.dsrcnn.app.Screenshots;
import org.dsrcnn.app.TestApps;
import org.dsrcnn.app.explorer.ExplorerViewModel;
import org.dsrcnn.app.explorer.GroundTruthMarks;
import org.dsrcnn.app.main.ScriptedDialogs;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.engine.cli.Dsrcnn;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.eval.CocoDetection;
import org.dsrcnn.engine.eval.CocoEvaluator;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.eval.ImageMatching;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
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
 * The Explorer against GT and the Evaluation page on the real window, the real default model and a
 * dataset written by {@code dsrcnn gen-shapes}'s writer (one annotation turned into a crowd region,
 * so the ignore rule is exercised): the marks against a count made here from the annotation file,
 * the image's AP against the engine's evaluator on that image alone, Evaluate against {@code dsrcnn
 * eval --model} on the same dataset, worst image first, the legend's toggle, browsing without
 * inference afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationPageTest {

    @TempDir
    static Path temp;

    static Path data;
    static Path annotations;

    private ExplorerApp app;
    private ExplorerViewModel vm;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @BeforeAll
    static void dataset() throws Exception {
        data = temp.resolve("shapes");
        new org.dsrcnn.engine.data.shapes.ShapesDatasetWriter(256, 5).write(data, 0, 8, n -> { });
        annotations = data.resolve("annotations/val.json");
        // the first annotation of image 1 becomes a crowd region: an ignore region for COCO evaluation
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(annotations.toFile());
        for (JsonNode a : root.get("annotations")) {
            if (a.get("image_id").asLong() == 1) {
                ((ObjectNode) a).put("iscrowd", 1);
                break;
            }
        }
        json.writeValue(annotations.toFile(), root);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dialogs = new ScriptedDialogs();
        app = new ExplorerApp(TestApps.services(temp), s -> dialogs);
        app.start(stage);
        vm = app.viewModel();
    }

    @AfterAll
    static void closeModel() {
        TestApps.close();
    }



    private void openDataset(FxRobot robot) throws Exception {
        waitUntil(() -> vm.analysesDoneProperty().get() >= 1 && !vm.executor().busyProperty().get());
        int done = vm.analysesDoneProperty().get();
        dialogs.answers.add(annotations);
        robot.clickOn("#open-menu").clickOn("#open-dataset");
        waitUntil(() -> vm.analysesDoneProperty().get() > done && !vm.executor().busyProperty().get()
                && vm.browser().datasetProperty().get() != null);
    }

    /** TP, FP, FN counted here, from the annotation file, by COCO's rule at IoU 0.5. */
    private static int[] countByHand(JsonNode root, long imageId, List<Detection> shown, List<String> classNames) {
        Map<String, Integer> categoryOf = new HashMap<>();
        for (JsonNode c : root.get("categories")) {
            categoryOf.put(c.get("name").asText(), c.get("id").asInt());
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int category : categoryOf.values()) {
            List<double[]> gts = new ArrayList<>(); // x, y, w, h, crowd; regular ones first
            for (int pass = 0; pass < 2; pass++) {
                for (JsonNode a : root.get("annotations")) {
                    boolean crowd = a.path("iscrowd").asInt(0) == 1;
                    if (a.get("image_id").asLong() == imageId && a.get("category_id").asInt() == category
                            && crowd == (pass == 1)) {
                        JsonNode b = a.get("bbox");
                        gts.add(new double[] {b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(),
                            b.get(3).asDouble(), crowd ? 1 : 0});
                    }
                }
            }
            boolean[] taken = new boolean[gts.size()];
            List<Detection> dets = shown.stream().filter(d -> categoryOf.get(classNames.get(d.label())) == category)
                    .sorted((p, q) -> Float.compare(q.score(), p.score())).toList();
            for (Detection d : dets) {
                float[] b = d.box();
                double best = 0.5;
                int m = -1;
                for (int g = 0; g < gts.size(); g++) {
                    double[] t = gts.get(g);
                    boolean crowd = t[4] == 1;
                    if (taken[g] && !crowd) {
                        continue;
                    }
                    if (m >= 0 && gts.get(m)[4] == 0 && crowd) {
                        break;
                    }
                    double iw = Math.min(b[2], t[0] + t[2]) - Math.max(b[0], t[0]);
                    double ih = Math.min(b[3], t[1] + t[3]) - Math.max(b[1], t[1]);
                    double inter = Math.max(0, iw) * Math.max(0, ih);
                    double area = (b[2] - b[0]) * (b[3] - b[1]);
                    double iou = inter / (crowd ? area : area + t[2] * t[3] - inter);
                    if (iou >= best) {
                        best = iou;
                        m = g;
                    }
                }
                if (m < 0) {
                    fp++;
                } else if (gts.get(m)[4] == 0) {
                    tp++;
                    taken[m] = true;
                }
            }
            for (int g = 0; g < gts.size(); g++) {
                fn += gts.get(g)[4] == 0 && !taken[g] ? 1 : 0;
            }
        }
        return new int[] {tp, fp, fn};
    }

    @Test
    void marksEqualCocosRuleCountedFromTheAnnotationFile(FxRobot robot) throws Exception {
        openDataset(robot);
        JsonNode root = new ObjectMapper().readTree(annotations.toFile());
        int checked = 0;
        int crowdSeen = 0;
        for (int i = 0; i < 4; i++) {
            int index = i;
            int done = vm.analysesDoneProperty().get();
            if (i > 0) {
                fx(() -> {
                    vm.browser().select(index);
                    return null;
                });
                waitUntil(() -> vm.analysesDoneProperty().get() > done && !vm.executor().busyProperty().get());
            }
            GroundTruthMarks marks = vm.marksProperty().get();
            assertNotNull(marks, "image " + i + " has GT");
            long id = vm.browser().datasetProperty().get().imageIds().get(vm.imagePathProperty().get());
            DetectionTrace t = vm.traceProperty().get();
            int[] byHand = countByHand(root, id, vm.visibleDetectionsProperty().get(), t.classNames());
            ImageMatching.Counts c = marks.counts();
            assertEquals(byHand[0], c.tp(), "TP of image " + id);
            assertEquals(byHand[1], c.fp(), "FP of image " + id);
            assertEquals(byHand[2], c.fn(), "FN of image " + id);
            crowdSeen += vm.session().crowdProperty().get().size();
            // the image's AP is the engine evaluator's on that image alone, with every detection
            CocoDataset all = CocoDataset.load(annotations, null);
            List<CocoDetection> dts = new ArrayList<>();
            for (Detection d : vm.detectionsProperty().get()) {
                float[] b = d.box();
                dts.add(CocoDetection.fromXyxy(id, all.categoryIdOf(all.classNames().indexOf(t.classNames().get(d.label()))),
                        b[0], b[1], b[2], b[3], d.score()));
            }
            CocoMetrics one = CocoEvaluator.evaluate(only(all, id), dts);
            assertEquals(one.ap50(), marks.matching().metrics().ap50(), 1e-4, "AP50 of image " + id);
            checked++;
            if (i == 0) {
                assertTrue(c.tp() + c.fp() + c.fn() > 0);
                fx(() -> Screenshots.save(stage.getScene(), "gt-marks"));
            }
        }
        assertEquals(4, checked);
        assertEquals(1, crowdSeen, "the crowd region of image 1 reached the app");

        // stage 2's detections, post-processed as if it were the last, marked the same way
        fx(() -> {
            vm.detectionsAtStageProperty().set(true);
            vm.stageProperty().set(2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        DetectionTrace t = vm.traceProperty().get();
        assertEquals(2, vm.detectionStage());
        org.dsrcnn.app.TestModels.assertSameDetections(
                vm.session().detector().postProcess(t, 2, vm.nmsProperty().get(), vm.topKProperty().get()),
                vm.detectionsProperty().get());
        long id = vm.browser().datasetProperty().get().imageIds().get(vm.imagePathProperty().get());
        int[] byHand = countByHand(root, id, vm.visibleDetectionsProperty().get(), t.classNames());
        ImageMatching.Counts atStage2 = vm.marksProperty().get().counts();
        assertEquals(byHand[0], atStage2.tp(), "TP at stage 2");
        assertEquals(byHand[1], atStage2.fp(), "FP at stage 2");
        assertEquals(byHand[2], atStage2.fn(), "FN at stage 2");
    }

    /** The dataset with only image {@code id}, through a file (as a user would cut it). */
    private static CocoDataset only(CocoDataset all, long id) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(annotations.toFile());
        var images = json.createArrayNode();
        root.get("images").forEach(n -> {
            if (n.get("id").asLong() == id) {
                images.add(n);
            }
        });
        var anns = json.createArrayNode();
        root.get("annotations").forEach(n -> {
            if (n.get("image_id").asLong() == id) {
                anns.add(n);
            }
        });
        root.set("images", images);
        root.set("annotations", anns);
        Path f = temp.resolve("only-" + id + ".json");
        json.writeValue(f.toFile(), root);
        return CocoDataset.load(f, null);
    }

    @Test
    void evaluateGivesTheTwelveNumbersOfDsrcnnEvalAndTheWorstImageFirst(FxRobot robot) throws Exception {
        openDataset(robot);
        EvaluationViewModel ev = app.evaluationViewModel();
        robot.clickOn("#page-evaluation");
        long t0 = System.nanoTime();
        robot.clickOn("#evaluate");
        waitUntil(() -> ev.resultProperty().get() != null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("evaluation of %d images in the app: %.1f s%n", vm.browser().images().size(), seconds);

        Path out = temp.resolve("eval.json");
        Path model = EngineDetectorService.defaultModelDir(org.dsrcnn.app.AppServices.projectHome());
        int code = Dsrcnn.commandLine().execute("eval", "--model", model.toString(), "--data", data.toString(),
                "--split", "val", "--per-stage", "--json", out.toString());
        assertEquals(0, code);
        JsonNode cli = new ObjectMapper().readTree(out.toFile());
        CocoMetrics app12 = ev.resultProperty().get().evaluation().metrics();
        for (String name : CocoMetrics.NAMES) {
            assertEquals(cli.get(name).asDouble(), app12.get(name), 1e-12, name);
        }
        for (int s = 0; s < ev.resultProperty().get().stages().size(); s++) {
            assertEquals(cli.get("stages").get(s).get("AP").asDouble(), ev.resultProperty().get().stages().get(s).ap(),
                    1e-12, "AP of stage " + (s + 1));
        }
        String shownAp = robot.lookup("#metric-AP").queryAs(javafx.scene.control.Label.class).getText();
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", app12.ap()), shownAp);

        // worst first: the first row has the lowest AP of the images with GT
        List<ImageRow> rows = List.copyOf(ev.rows());
        double lowest = rows.stream().mapToDouble(ImageRow::ap).filter(a -> a >= 0).min().orElseThrow();
        assertEquals(lowest, rows.get(0).ap(), 0.0);
        var table = robot.lookup("#image-table").queryAs(javafx.scene.control.TableView.class);
        assertSame(rows.get(0), table.getItems().get(0));
        fx(() -> Screenshots.save(stage.getScene(), "dataset-evaluation"));

        // opening the worst image shows its evaluated trace: the model does not run again
        ImageRow worst = rows.get(0);
        int done = vm.analysesDoneProperty().get();
        fx(() -> {
            ev.open(worst);
            return null;
        });
        waitUntil(() -> vm.analysesDoneProperty().get() > done && !vm.executor().busyProperty().get());
        assertSame(ev.resultProperty().get().traces().get(worst.file().toAbsolutePath()), vm.traceProperty().get());
    }

    @Test
    void theLegendsToggleHidesThatClass(FxRobot robot) throws Exception {
        openDataset(robot);
        List<Detection> shown = vm.visibleDetectionsProperty().get();
        assertTrue(!shown.isEmpty());
        int label = shown.get(0).label();
        long ofLabel = shown.stream().filter(d -> d.label() == label).count();
        int before = app.view().canvas().getLastFrame().detections();
        CheckBox toggle = robot.lookup("#legend-class-" + label).queryAs(CheckBox.class);
        fx(() -> {
            toggle.fire(); // the legend may scroll; fire() is what a click on it does
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#legend-class-" + label).queryAs(CheckBox.class).isSelected());
        assertTrue(vm.visibleDetectionsProperty().get().stream().noneMatch(d -> d.label() == label));
        assertEquals(before - ofLabel, app.view().canvas().getLastFrame().detections());
        assertTrue(java.util.Arrays.stream(vm.visibleGroundTruthProperty().get().labels()).noneMatch(l -> l == label));
        fx(() -> Screenshots.save(stage.getScene(), "legend-class-hidden"));
        fx(() -> {
            toggle.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, app.view().canvas().getLastFrame().detections());
    }
}
