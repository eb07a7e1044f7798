package org.dsrcnn.engine.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.SparseRcnnOutput;
import org.dsrcnn.engine.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model directories: identical outputs after a round trip, clean failures otherwise. */
class ModelFilesTest {

    @TempDir Path dir;

    private static final List<String> NAMES = List.of("circle", "square", "triangle");

    private static float[][] run(SparseRcnn model, NDManager m, NDArray images, NDArray whwh) {
        SparseRcnnOutput out = model.forward(new ParameterStore(m, false), images, whwh, false);
        return new float[][] {
            out.last().logits().toFloatArray(), out.last().boxes().toFloatArray(), out.expertWeights().toFloatArray()
        };
    }

    @Test
    void saveThenLoadGivesIdenticalOutputsNamesAndProvenance() throws IOException {
        DsrcnnConfig cfg = TinyModels.tiny("backbone.norm", "bn");
        Path modelDir = dir.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(21);
            SparseRcnn model = new SparseRcnn(cfg);
            model.initialize(m);
            model.setTemperature(2.5);
            NDArray images = TinyModels.images(m, 2, 64);
            NDArray whwh = TinyModels.whwh(m, 2, 64, 60);
            // a training pass moves the BN running statistics away from their initial values
            model.forward(new ParameterStore(m, false), images, whwh, true);
            float[][] before = run(model, m, images, whwh);
            ModelFiles.save(model, NAMES, Map.of("iterations", 12, "data", "shapes"), modelDir);
            // saving again replaces the directory atomically
            ModelFiles.save(model, NAMES, Map.of("iterations", 13, "data", "shapes"), modelDir);
            assertTrue(Files.isRegularFile(modelDir.resolve(ModelFiles.MODEL_JSON)));
            try (var listing = Files.list(dir)) {
                assertEquals(List.of(modelDir), listing.toList());
            }
            try (NDManager other = NDManager.newBaseManager()) {
                LoadedModel loaded = ModelFiles.load(modelDir, other);
                assertEquals(NAMES, loaded.classNames());
                assertEquals(13, loaded.provenance().get("iterations"));
                assertEquals(cfg, loaded.model().config());
                loaded.model().setTemperature(2.5);
                float[][] after = run(loaded.model(), other, images.toDevice(other.getDevice(), true), whwh);
                for (int i = 0; i < before.length; i++) {
                    assertArrayEquals(before[i], after[i], 0f);
                }
                for (String name : List.of("backbone.stem.conv1.norm.running_mean", "head.stage2.class_logits.bias")) {
                    assertArrayEquals(model.namedParameters().get(name).getArray().toFloatArray(),
                            loaded.model().namedParameters().get(name).getArray().toFloatArray(), 0f);
                }
                assertTrue(loaded.model().namedParameters().get("head.stage1.norm1.weight").getArray().hasGradient());
            }
        }
    }

    @Test
    void halfPrecisionWeightsLoadAsTheFloat16RoundingOfTheOriginals() throws IOException {
        DsrcnnConfig cfg = TinyModels.tiny("backbone.norm", "gn");
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            SparseRcnn model = new SparseRcnn(cfg);
            model.initialize(m);
            ModelFiles.save(model, NAMES, Map.of(), dir.resolve("full"));
            ModelFiles.save(model, NAMES, Map.of(), dir.resolve("half"), true);
            long full = Files.size(dir.resolve("full").resolve(ModelFiles.WEIGHTS));
            long half = Files.size(dir.resolve("half").resolve(ModelFiles.WEIGHTS));
            assertTrue(half < 0.55 * full, half + " vs " + full);
            try (NDManager other = NDManager.newBaseManager()) {
                LoadedModel loaded = ModelFiles.load(dir.resolve("half"), other);
                for (var e : model.namedParameters().entrySet()) {
                    float[] original = e.getValue().getArray().toFloatArray();
                    float[] back = loaded.model().namedParameters().get(e.getKey()).getArray().toFloatArray();
                    for (int i = 0; i < original.length; i++) {
                        // float16 keeps 11 significant bits: relative error <= 2^-11 (normal range)
                        float tolerance = Math.max(Math.abs(original[i]) * 0x1p-11f, 0x1p-24f);
                        assertEquals(original[i], back[i], tolerance, e.getKey() + "[" + i + "]");
                    }
                }
                assertEquals(DataType.FLOAT32,
                        loaded.model().namedParameters().get("head.stage1.norm1.weight").getArray().getDataType());
            }
        }
    }

    @Test
    void loadingIntoAnotherShapeNamesTheParameterAndBothShapes() throws IOException {
        Path modelDir = dir.resolve("m");
        try (NDManager m = NDManager.newBaseManager()) {
            SparseRcnn model = new SparseRcnn(TinyModels.tiny());
            model.initialize(m);
            ModelFiles.save(model, NAMES, Map.of(), modelDir);
            SparseRcnn wider = new SparseRcnn(TinyModels.tiny("head.feedforward", "48"));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ModelFiles.loadWeightsInto(wider, modelDir, m));
            assertEquals("parameter head.stage1.linear1.weight has shape (64, 32) in the weights but (48, 32) in"
                    + " the config", e.getMessage());
            SparseRcnn deeper = new SparseRcnn(TinyModels.tiny("head.stages", "3"));
            assertEquals("weights lack parameter head.stage3.self_attn.in_proj_weight",
                    assertThrows(IllegalArgumentException.class, () -> ModelFiles.loadWeightsInto(deeper, modelDir, m))
                            .getMessage());
            SparseRcnn shallower = new SparseRcnn(TinyModels.tiny("head.stages", "1"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> ModelFiles.loadWeightsInto(shallower, modelDir, m)).getMessage().contains("head.stage2"));

            // a model.json whose config disagrees with its weights
            String json = Files.readString(modelDir.resolve(ModelFiles.MODEL_JSON));
            Files.writeString(modelDir.resolve(ModelFiles.MODEL_JSON),
                    json.replace("\"numClasses\" : 3", "\"numClasses\" : 4")
                            .replace("\"triangle\"", "\"triangle\", \"star\""));
            IllegalArgumentException e2 =
                    assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(modelDir, m));
            assertTrue(e2.getMessage().contains("head.stage1.class_logits"), e2.getMessage());
        }
    }

    @Test
    void truncatedWeightsAndForeignDirectoriesFailCleanly() throws IOException {
        Path modelDir = dir.resolve("m");
        try (NDManager m = NDManager.newBaseManager()) {
            SparseRcnn model = new SparseRcnn(TinyModels.tiny());
            model.initialize(m);
            ModelFiles.save(model, NAMES, Map.of(), modelDir);
            Path weights = modelDir.resolve(ModelFiles.WEIGHTS);
            byte[] all = Files.readAllBytes(weights);
            Files.write(weights, java.util.Arrays.copyOf(all, all.length / 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(modelDir, m));
            assertEquals("bad tensor file weights.dsrt: truncated (the file is cut short)", e.getMessage());

            assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir, m))
                    .getMessage().startsWith("not a model directory"));
            Files.writeString(modelDir.resolve(ModelFiles.MODEL_JSON), "{\"format\": \"other\"}");
            assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(modelDir, m));
            assertThrows(IllegalArgumentException.class,
                    () -> ModelFiles.save(model, List.of("one"), Map.of(), dir.resolve("x")));
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }

    @Test
    void savedConfigIsTheFullPresetJson() throws IOException {
        Path modelDir = dir.resolve("m");
        DsrcnnConfig cfg = TinyModels.tiny();
        try (NDManager m = NDManager.newBaseManager()) {
            SparseRcnn model = new SparseRcnn(cfg);
            model.initialize(m);
            ModelFiles.save(model, NAMES, Map.of(), modelDir);
        }
        var root = ModelFiles.readModelJson(modelDir);
        assertEquals(cfg, Presets.fromJson(root.get("config").toString()));
        assertEquals(new SparseRcnn(cfg).countParameters(""), root.get("trainableParameters").asLong());
    }
}
