package org.dsrcnn.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

    @Test
    void choosesWhatTheEngineCanRun() {
        assertEquals(Device.cpu(), Devices.parse("cpu"));
        boolean gpu = Engine.getInstance().getGpuCount() > 0;
        assertEquals(gpu ? Device.gpu() : Device.cpu(), Devices.parse("auto"));
        if (!gpu) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.parse("gpu"));
            assertTrue(e.getMessage().contains("sees no GPU"), e.getMessage());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Devices.parse("tpu"));
        assertEquals("--device must be cpu, gpu or auto, got 'tpu'", bad.getMessage());
    }

    @Test
    void predictorDescribesItsDevice() throws Exception {
        java.nio.file.Path m = dir.resolve("m");
        org.dsrcnn.engine.checkpoint.CheckpointImport.importCheckpoint(
                java.nio.file.Path.of(DevicesTest.class.getResource("/checkpoints/sparse_rcnn_golden.pth").toURI()), m, 8);
        try (Predictor p = Predictor.open(m, Devices.parse("auto"))) {
            assertEquals(Devices.parse("auto").toString(), p.description().get("device"));
        }
    }
}
