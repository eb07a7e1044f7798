package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsrcnn.engine.data.CocoDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenShapesCommandTest {

    @TempDir Path dir;

    @Test
    void writesTheDatasetAndSummarizesIt() {
        EvalCommandTest.Run r = EvalCommandTest.run("gen-shapes", "--out", dir.toString(), "--train", "4", "--val", "2",
                "--seed", "3", "--size", "96", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote 6 images (4 train, 2 val) of 96x96 to " + dir), r.out());
        assertEquals(4, CocoDataset.loadSplit(dir, "train").size());
        assertTrue(Files.isRegularFile(dir.resolve("annotations/val.json")));
    }

    @Test
    void badArgumentsEndInOneLine() {
        EvalCommandTest.Run r = EvalCommandTest.run("gen-shapes", "--out", dir.toString(), "--train", "-1", "--val", "2",
                "--seed", "3");
        assertEquals(1, r.code());
        assertEquals("gen-shapes: --train and --val must be >= 0", r.err().strip());
        EvalCommandTest.Run r2 = EvalCommandTest.run("gen-shapes", "--out", dir.toString(), "--train", "1", "--val", "0",
                "--seed", "3", "--size", "20", "--quiet");
        assertEquals("gen-shapes: image size must be in 64..4096, got 20", r2.err().strip());
        EvalCommandTest.Run r3 = EvalCommandTest.run("gen-shapes", "--out", dir.toString(), "--train", "1");
        assertEquals(2, r3.code());
        assertEquals(1, r3.err().lines().count(), r3.err());
    }
}
