package org.dsrcnn.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.dsrcnn.app.SyntheticDetector;
import org.dsrcnn.app.service.DetectorFactory;
import org.dsrcnn.app.service.DirectTaskExecutor;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.app.service.FileExporter;
import org.dsrcnn.app.service.FileImageLibrary;
import org.dsrcnn.app.service.RecentItems;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model without a window: work runs on the calling (FX) thread through a direct executor. */
class ExplorerViewModelTest {

    @TempDir
    Path temp;

    private SyntheticDetector synthetic;
    private DirectTaskExecutor executor;
    private org.dsrcnn.app.service.DatasetReader datasetReader;

    @BeforeAll
    static void fx() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> body) throws Exception {
        FutureTask<T> t = new FutureTask<>(body);
        Platform.runLater(t);
        return t.get(30, TimeUnit.SECONDS);
    }

    private ExplorerViewModel make(boolean withDefaultModel) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        if (withDefaultModel) {
            Files.createDirectories(home.resolve("assets/models/default"));
        }
        synthetic = new SyntheticDetector();
        DetectorFactory f = new DetectorFactory() {
            @Override
            public Detector open(Path dir) {
                if (dir.getFileName().toString().equals("other-arch")) {
                    throw new IllegalArgumentException("other-arch is not a Dynamic Sparse R-CNN model directory");
                }
                return synthetic;
            }

            @Override
            public Detector randomWeights(DsrcnnConfig c, List<String> names, long seed) {
                return synthetic;
            }
        };
        executor = new DirectTaskExecutor();
        EngineDetectorService service = new EngineDetectorService(f, home);
        return new ExplorerViewModel(service, new FileImageLibrary(), new FileExporter(), executor,
                new RecentItems(temp.resolve("user")), datasetReader);
    }

    private Path folderOfImages(int n) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("images"));
        for (int i = 0; i < n; i++) {
            ImageIO.write(new BufferedImage(120 + 10 * i, 90, BufferedImage.TYPE_INT_RGB), "png",
                    dir.resolve("img" + i + ".png").toFile());
        }
        return dir;
    }

    @Test
    void startLoadsTheModelAndAnalysesTheFirstImage() throws Exception {
        Path dir = folderOfImages(3);
        ExplorerViewModel vm = onFx(() -> {
            ExplorerViewModel m = make(true);
            m.start(dir);
            return m;
        });
        assertEquals(3, vm.browser().images().size());
        assertEquals(dir.resolve("img0.png"), vm.imagePathProperty().get());
        assertEquals(120, vm.traceProperty().get().imageWidth());
        assertEquals(1, synthetic.calls);
        assertEquals("synthetic · test double", vm.modelTextProperty().get());
        assertEquals(ExplorerViewModel.DEFAULT_THRESHOLD, vm.scoreThresholdProperty().get());
        assertEquals(dir.toAbsolutePath(), vm.browser().recent().latest(RecentItems.Kind.FOLDER).path());
    }

    @Test
    void settingsSelectionAndStagesReuseTheCachedTrace() throws Exception {
        Path dir = folderOfImages(2);
        Object[] r = onFx(() -> {
            ExplorerViewModel vm = make(true);
            vm.start(dir);
            DetectionTrace t = vm.traceProperty().get();
            int calls = synthetic.calls;
            vm.scoreThresholdProperty().set(0.8);
            long expected = t.detections().stream().filter(d -> d.score() >= 0.8).count();
            int visible = vm.visibleDetectionsProperty().get().size();
            vm.topKProperty().set(2);
            int afterTopK = vm.detectionsProperty().get().size();
            vm.selectedProposalProperty().set(4);
            vm.stageProperty().set(1);
            vm.nmsProperty().set(!vm.nmsProperty().get());
            vm.showTrailsProperty().set(true);
            return new Object[] {calls, synthetic.calls, expected, visible, afterTopK,
                    vm.selectedProposalProperty().get(), vm.selectedScoresProperty().get(),
                    vm.selectedExpertWeightsProperty().get(), vm.selectionTextProperty().get(), t};
        });
        assertEquals(r[0], r[1], "no model run for settings, selection or stage changes");
        assertEquals(((Long) r[2]).intValue(), (int) r[3]);
        assertEquals(2, (int) r[4]);
        assertEquals(4, (int) r[5], "the selection survives a stage change");
        DetectionTrace t = (DetectionTrace) r[9];
        double[] scores = (double[]) r[6];
        assertEquals(6, scores.length);
        assertEquals(t.stages().get(3).topScore(4), scores[2], 1e-6);
        assertArrayEquals(t.experts().weights()[4], (float[]) r[7]);
        assertTrue(((String) r[8]).startsWith("proposal #4 · stage 1 · "), (String) r[8]);
    }

    @Test
    void nextAndPreviousWrapAndANewImageClearsTheSelection() throws Exception {
        Path dir = folderOfImages(3);
        List<Path> seen = onFx(() -> {
            ExplorerViewModel vm = make(true);
            vm.start(dir);
            vm.selectedProposalProperty().set(7);
            vm.browser().previous();
            Path last = vm.imagePathProperty().get();
            int selection = vm.selectedProposalProperty().get();
            vm.browser().next();
            Path first = vm.imagePathProperty().get();
            vm.browser().next();
            return List.of(last, first, vm.imagePathProperty().get(), Path.of(String.valueOf(selection)));
        });
        assertEquals(dir.resolve("img2.png"), seen.get(0));
        assertEquals("-1", seen.get(3).toString());
        assertEquals(dir.resolve("img0.png"), seen.get(1));
        assertEquals(dir.resolve("img1.png"), seen.get(2));
    }

    @Test
    void anUntrainedModelIsFlaggedAndShowsItsTopScores() throws Exception {
        Path dir = folderOfImages(1);
        Object[] r = onFx(() -> {
            ExplorerViewModel vm = make(false);
            vm.start(dir);
            return new Object[] {vm.untrainedProperty().get(), vm.scoreThresholdProperty().get(),
                    vm.visibleDetectionsProperty().get().size(), vm.noticeProperty().get()};
        });
        assertTrue((Boolean) r[0]);
        assertEquals(0.0, (double) r[1]);
        assertEquals(20, (int) r[2]);
        assertEquals(Notice.Level.WARNING, ((Notice) r[3]).level());
    }

    @Test
    void exportsAndFailuresBecomeNotices() throws Exception {
        Path dir = folderOfImages(1);
        Path out = temp.resolve("dt.json");
        Object[] r = onFx(() -> {
            ExplorerViewModel vm = make(true);
            vm.start(dir);
            vm.exportDetections(out);
            Notice ok = vm.noticeProperty().get();
            vm.exportTrace(temp.resolve("missing-dir/t.json"));
            Notice failed = vm.noticeProperty().get();
            vm.browser().openFolder(temp.resolve("nope"));
            Notice noFolder = vm.noticeProperty().get();
            return new Object[] {ok, failed, noFolder, vm.visibleDetectionsProperty().get()};
        });
        assertEquals(Notice.Level.INFO, ((Notice) r[0]).level());
        assertTrue(Files.size(out) > 2);
        assertEquals(Notice.Level.ERROR, ((Notice) r[1]).level());
        assertTrue(((Notice) r[1]).text().startsWith("cannot write t.json"), ((Notice) r[1]).text());
        assertTrue(((Notice) r[2]).text().startsWith("not a folder"), ((Notice) r[2]).text());
        @SuppressWarnings("unchecked")
        List<Detection> visible = (List<Detection>) r[3];
        assertNotNull(visible);
    }

    @Test
    void aDatasetBringsItsGroundTruthAndItsIds() throws Exception {
        Path dir = folderOfImages(2);
        Path img0 = dir.resolve("img0.png");
        Path img1 = dir.resolve("img1.png");
        // dataset classes: "square" (category 7) and "blob" (category 9, unknown to the model)
        org.dsrcnn.viewer.canvas.LabeledBoxes gt0 = new org.dsrcnn.viewer.canvas.LabeledBoxes(
                new float[][] {{1, 2, 30, 40}, {5, 5, 9, 9}}, new int[] {0, 1});
        org.dsrcnn.app.service.AnnotatedImages data = new org.dsrcnn.app.service.AnnotatedImages("toy", dir.resolve("a.json"),
                List.of(img0, img1), java.util.Map.of(img0, 100L, img1, 101L),
                java.util.Map.of(img0, gt0), List.of("square", "blob"), List.of(7, 9), "");
        datasetReader = file -> data;
        Path out = temp.resolve("dt.json");
        Object[] r = onFx(() -> {
            ExplorerViewModel vm = make(true);
            vm.start(null);
            vm.browser().openDataset(dir.resolve("a.json"));
            org.dsrcnn.viewer.canvas.LabeledBoxes gt = vm.groundTruthProperty().get();
            vm.scoreThresholdProperty().set(0.0);
            vm.exportDetections(out);
            List<Detection> exported = vm.visibleDetectionsProperty().get();
            vm.browser().next();
            return new Object[] {gt, vm.groundTruthProperty().get(), vm.browser().sourceNameProperty().get(), exported};
        });
        org.dsrcnn.viewer.canvas.LabeledBoxes gt = (org.dsrcnn.viewer.canvas.LabeledBoxes) r[0];
        // model classes: circle, square, triangle, ...: "square" is model label 1, "blob" unknown (-1)
        assertArrayEquals(new int[] {1, -1}, gt.labels());
        assertArrayEquals(new float[] {1, 2, 30, 40}, gt.boxes()[0]);
        assertEquals(0, ((org.dsrcnn.viewer.canvas.LabeledBoxes) r[1]).size(), "img1 has no GT");
        assertEquals("toy", r[2]);
        com.fasterxml.jackson.databind.JsonNode arr = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertEquals(100, arr.get(0).get("image_id").asInt());
        @SuppressWarnings("unchecked")
        List<Detection> exported = (List<Detection>) r[3];
        assertEquals(exported.size(), arr.size());
        for (int i = 0; i < arr.size(); i++) {
            // model label "square" (1) -> the dataset's category 7; classes the dataset lacks -> label + 1
            int label = exported.get(i).label();
            assertEquals(label == 1 ? 7 : label + 1, arr.get(i).get("category_id").asInt());
        }
    }

    @Test
    void anUnsupportedFileIsShownAloneWithItsReason() throws Exception {
        Path dir = folderOfImages(2);
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Object[] r = onFx(() -> {
            ExplorerViewModel vm = make(true);
            vm.start(dir);
            vm.browser().openFile(text);
            return new Object[] {List.copyOf(vm.browser().images()), vm.canvasMessageProperty().get(),
                    vm.noticeProperty().get(), vm.traceProperty().get()};
        });
        assertEquals(List.of(text.toAbsolutePath()), r[0]);
        assertTrue(((String) r[1]).startsWith("Cannot show notes.txt: unsupported file notes.txt"), (String) r[1]);
        assertEquals(Notice.Level.ERROR, ((Notice) r[2]).level());
        assertEquals(null, r[3]);
    }

    @Test
    void aModelOfAnotherArchitectureIsRefusedAndTheOldOneStays() throws Exception {
        Path dir = folderOfImages(1);
        Path other = Files.createDirectories(temp.resolve("other-arch"));
        Object[] r = onFx(() -> {
            ExplorerViewModel vm = make(true);
            vm.start(dir);
            Object before = vm.modelProperty().get();
            int calls = synthetic.calls;
            vm.openModel(other);
            return new Object[] {before, vm.modelProperty().get(), vm.noticeProperty().get(), calls, synthetic.calls,
                    vm.traceProperty().get()};
        });
        assertEquals(r[0], r[1]);
        Notice n = (Notice) r[2];
        assertEquals(Notice.Level.ERROR, n.level());
        assertEquals("cannot load model other-arch: other-arch is not a Dynamic Sparse R-CNN model directory", n.text());
        assertEquals(r[3], r[4], "no re-analysis after a failed load");
        assertNotNull(r[5], "the analysed image stays");
    }

    @Test
    void messagesUnwrapToOneLine() {
        Exception wrapped = new RuntimeException(new IllegalArgumentException("bad model: two\nlines"));
        assertEquals("bad model: two", Notices.message(wrapped));
        assertEquals("NullPointerException", Notices.message(new NullPointerException()));
        assertEquals("outer says more", Notices.message(new RuntimeException("outer says more",
                new IllegalStateException("inner"))));
    }
}
