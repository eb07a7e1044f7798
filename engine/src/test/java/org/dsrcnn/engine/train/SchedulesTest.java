package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void learningRateWarmsUpLinearlyThenStepsDown() {
        DsrcnnConfig c = Presets.load("small");
        c = Presets.with(c, "solver.lr", "0.001");
        c = Presets.with(c, "solver.warmupIters", "100");
        c = Presets.with(c, "solver.warmupFactor", "0.01");
        c = Presets.with(c, "solver.steps", "[300, 400]");
        c = Presets.with(c, "solver.gamma", "0.1");
        LrSchedule s = new LrSchedule(c.solver());
        assertEquals(0.001 * 0.01, s.lr(0), 1e-15);
        // halfway through warm-up: factor = 0.01 * 0.5 + 0.5 = 0.505
        assertEquals(0.001 * 0.505, s.lr(50), 1e-15);
        assertEquals(0.001, s.lr(100), 1e-15);
        assertEquals(0.001, s.lr(299), 1e-15);
        assertEquals(0.0001, s.lr(300), 1e-15);
        assertEquals(0.00001, s.lr(400), 1e-15);
    }

    @Test
    void temperatureFallsLinearlyThenStays() {
        DsrcnnConfig c = Presets.load("paper");
        // tau 30 -> 1 over 0.28 * 1000 = 280 iterations
        TemperatureSchedule t = new TemperatureSchedule(c.proposals(), 1000);
        assertEquals(30.0, t.tau(0), 1e-12);
        assertEquals(30.0 - 29.0 * 140 / 280, t.tau(140), 1e-12);
        assertEquals(1.0, t.tau(280), 1e-12);
        assertEquals(1.0, t.tau(999), 1e-12);
    }
}
