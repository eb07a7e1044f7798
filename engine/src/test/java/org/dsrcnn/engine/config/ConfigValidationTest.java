package org.dsrcnn.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value is checked when a config is built: the message has the key, the value and the allowed range. */
class ConfigValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "solver.lr|NaN|solver.lr = NaN: expected a finite number > 0",
        "solver.lr|-1|solver.lr = -1.0: expected a finite number > 0",
        "solver.lr|Infinity|solver.lr = Infinity: expected a finite number > 0",
        "solver.maxIters|0|solver.maxIters = 0: expected an integer >= 1",
        "solver.checkpointPeriod|0|solver.checkpointPeriod = 0: expected an integer >= 1",
        "solver.evalPeriod|0|solver.evalPeriod = 0: expected an integer >= 1",
        "solver.batchSize|0|solver.batchSize = 0: expected an integer >= 1",
        "solver.steps|[500,400]|solver.steps = [500, 400]: expected a list of iterations >= 1 in increasing order (may be empty)",
        "solver.beta2|1|solver.beta2 = 1.0: expected a number in [0, 1)",
        "input.trainShortSides|[0]|input.trainShortSides = [0]: expected a non-empty list of sizes >= 1",
        "input.trainShortSides|[]|input.trainShortSides = []: expected a non-empty list of sizes >= 1",
        "input.testShortSide|0|input.testShortSide = 0: expected an integer >= 1",
        "input.pixelStd|[1,0,1]|input.pixelStd = [1.0, 0.0, 1.0]: expected 3 finite numbers > 0",
        "inference.topK|0|inference.topK = 0: expected an integer >= 1",
        "inference.nmsIou|7|inference.nmsIou = 7.0: expected a number in [0, 1]",
        "inference.nmsIou|-0.1|inference.nmsIou = -0.1: expected a number in [0, 1]",
        "inference.scoreThreshold|NaN|inference.scoreThreshold = NaN: expected a number in [0, 1]",
        "matcher.type|greedy|matcher.type = greedy: expected one of [hungarian, ota]",
        "matcher.k|0|matcher.k = 0: expected \"dynamic\" or an integer >= 1",
        "matcher.positiveCap|0|matcher.positiveCap = 0.0: expected a fraction in (0, 1]",
        "proposals.count|0|proposals.count = 0: expected an integer >= 1",
        "proposals.tauEnd|0|proposals.tauEnd = 0.0: expected a finite number > 0",
        "backbone.depth|42|backbone.depth = 42: expected one of [101, 18, 34, 50]",
        "head.priorProb|1|head.priorProb = 1.0: expected a probability in (0, 1)",
        "head.stages|0|head.stages = 0: expected an integer >= 1",
        "loss.focalAlpha|2|loss.focalAlpha = 2.0: expected a number in [0, 1]",
    })
    void outOfRangeSettingsNameKeyValueAndRange(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presets.with(Presets.load("small"), key, value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyPresetIsValidAndAFileWithABadValueNamesFileAndKey(@TempDir Path dir) throws Exception {
        for (String name : Presets.NAMES) {
            ConfigValidation.validate(Presets.load(name));
        }
        Path f = dir.resolve("c.json");
        Files.writeString(f, Presets.toJson(Presets.load("small")).replaceAll("\"evalPeriod\"\\s*:\\s*1000", "\"evalPeriod\": 0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.load(f.toString()));
        assertEquals("invalid config " + f + ": solver.evalPeriod = 0: expected an integer >= 1", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.fromJson(
                Presets.toJson(Presets.load("small")).replaceAll("\"nmsIou\"\\s*:\\s*0.7", "\"nmsIou\": 7.0")))
                .getMessage().endsWith("inference.nmsIou = 7.0: expected a number in [0, 1]"));
    }
}
