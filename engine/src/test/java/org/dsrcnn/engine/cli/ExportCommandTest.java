package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.TinyModels;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir Path dir;

    private Path savedTinyModel() throws Exception {
        Path m = dir.resolve("m");
        try (NDManager manager = NDManager.newBaseManager()) {
            SparseRcnn model = new SparseRcnn(TinyModels.tiny());
            model.initialize(manager);
            ModelFiles.save(model, List.of("circle", "square", "triangle"), Map.of("iterations", 7), m);
        }
        return m;
    }

    @Test
    void setChangesTestTimeSettingsAndRecordsThem() throws Exception {
        Path m = savedTinyModel();
        Path out = dir.resolve("e");
        EvalCommandTest.Run r = EvalCommandTest.run("export", "--model", m.toString(), "--out", out.toString(),
                "--half", "--set", "input.testShortSide=320", "--set", "inference.nmsIou=0.5");
        assertEquals(0, r.code(), r.err());
        JsonNode json = ModelFiles.readModelJson(out);
        assertEquals(320, json.get("config").get("input").get("testShortSide").asInt());
        assertEquals(0.5, json.get("config").get("inference").get("nmsIou").asDouble());
        assertEquals("float16", json.get("weightsDtype").asText());
        JsonNode provenance = json.get("provenance");
        assertEquals(7, provenance.get("iterations").asInt());
        assertEquals("input.testShortSide=320", provenance.get("export_settings").get(0).asText());
        // everything else is the source model's, and the export loads
        JsonNode source = ModelFiles.readModelJson(m);
        assertEquals(source.get("config").get("head"), json.get("config").get("head"));
        assertEquals(source.get("config").get("input").get("trainShortSides"),
                json.get("config").get("input").get("trainShortSides"));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(320, ModelFiles.load(out, manager).model().config().input().testShortSide());
        }
    }

    @Test
    void setRefusesArchitectureAndTrainingKeysInOneLine() throws Exception {
        Path m = savedTinyModel();
        Path out = dir.resolve("e");
        EvalCommandTest.Run r = EvalCommandTest.run("export", "--model", m.toString(), "--out", out.toString(),
                "--set", "head.stages=3");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("not head.stages"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(1, EvalCommandTest.run("export", "--model", m.toString(), "--out", out.toString(),
                "--set", "input.trainMaxSize=999").code());
        assertEquals(1, EvalCommandTest.run("export", "--model", m.toString(), "--out", out.toString(),
                "--set", "inference.noSuchKey=1").code());
        EvalCommandTest.Run badNote = EvalCommandTest.run("export", "--model", m.toString(), "--out", out.toString(),
                "--note", "no-equals-sign");
        assertEquals(1, badNote.code());
        assertEquals("export: --note takes key=value, got 'no-equals-sign'", badNote.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void modelFilesRefusesToSaveUnderAnotherArchitecture() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SparseRcnn model = new SparseRcnn(TinyModels.tiny());
            model.initialize(manager);
            DsrcnnConfig deeper = TinyModels.tiny("head.stages", "3");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(
                    model, deeper, List.of("circle", "square", "triangle"), Map.of(), dir.resolve("x"), false));
            assertEquals("cannot save a model under a config of another architecture", e.getMessage());
        }
    }
}
