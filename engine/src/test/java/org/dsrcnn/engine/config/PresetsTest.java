package org.dsrcnn.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {

    @Test
    void everyPresetLoadsAndRoundTrips(@TempDir Path dir) throws Exception {
        for (String name : Presets.NAMES) {
            DsrcnnConfig c = Presets.load(name);
            assertEquals(name, c.name());
            Path f = dir.resolve(name + ".json");
            Presets.write(c, f);
            assertEquals(c.toString(), Presets.load(f.toString()).toString());
        }
    }

    @Test
    void baselineDiffersFromPaperOnlyInProposalsMatcherAndPostprocessing() {
        DsrcnnConfig paper = Presets.load("paper");
        DsrcnnConfig base = Presets.load("paper-baseline");
        assertTrue(paper.proposals().dynamic());
        assertFalse(base.proposals().dynamic());
        assertTrue(paper.usesOta());
        assertFalse(base.usesOta());
        assertEquals(paper.backbone(), base.backbone());
        assertEquals(paper.head(), base.head());
        assertEquals(paper.solver(), base.solver());
    }

    @Test
    void aConfigWrittenBeforeWeightInputExistedMeansTheRawInput() {
        String json = Presets.toJson(Presets.load("small")).replaceAll(",\\s*\"weightInput\"\\s*:\\s*\"standardized\"", "");
        assertFalse(json.contains("weightInput"), json);
        assertEquals("raw", Presets.fromJson(json).proposals().weightInput());
        assertEquals("standardized", Presets.load("small").proposals().weightInput());
    }

    @Test
    void withReplacesOneValueByPath() {
        DsrcnnConfig c = Presets.with(Presets.load("small"), "solver.maxIters", "123");
        assertEquals(123, c.solver().maxIters());
        c = Presets.with(c, "matcher.type", "hungarian");
        assertEquals("hungarian", c.matcher().type());
        c = Presets.with(c, "matcher.k", "3");
        assertEquals("3", c.matcher().k());
        assertThrows(IllegalArgumentException.class, () -> Presets.with(Presets.load("small"), "solver.nope", "1"));
        assertThrows(IllegalArgumentException.class, () -> Presets.with(Presets.load("small"), "solver.maxIters", "abc"));
    }

    @Test
    void brokenFileGivesOneLineReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"name\": \"x\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.load(f.toString()));
        assertTrue(e.getMessage().startsWith("invalid config"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Presets.load("no-such-preset"));
    }
}
