package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AssignCommandTest {

    @TempDir Path dir;

    /** GT 0 sits on prediction 1, GT 1 on prediction 0; prediction 2 is elsewhere. K = 2. */
    private static final String SCENE = """
            {"image":{"width":100,"height":100},
             "predictions":{"boxes":[[50,50,60,60],[0,0,10,10],[80,0,90,10]],
                            "logits":[[0,3],[3,0],[0,0]]},
             "gt":{"boxes":[[0,0,10,10],[50,50,60,60]], "labels":[0,1]},
             "stage":6, "stages":6}
            """;

    private record Run(int exit, String out, String err) {}

    private Run run(String problemJson, String... options) throws Exception {
        Path p = dir.resolve("p" + System.nanoTime() + ".json");
        Files.writeString(p, problemJson);
        String[] args = new String[options.length + 3];
        args[0] = "assign";
        args[1] = "--problem";
        args[2] = p.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return runArgs(args);
    }

    private static Run runArgs(String... args) {
        CommandLine cli = Dsrcnn.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void hungarianPairsKAndCost() throws Exception {
        Run r = run(SCENE, "--matcher", "hungarian");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("hungarian", j.get("matcher").asText());
        assertEquals("[[0,1],[1,0]]", j.get("pairs").toString());
        assertEquals("[1.0,1.0]", j.get("k").toString());
        // both pairs: identical boxes (L1 0, GIoU 1) and logit 3 at the GT class, p = sigmoid(3):
        // C = 2 * (0.25 (1-p)^2 (-ln p) - 0.75 p^2 (-ln(1-p))) - 2
        double p = 1 / (1 + Math.exp(-3));
        double c = 2 * (0.25 * (1 - p) * (1 - p) * -Math.log(p + 1e-8) - 0.75 * p * p * -Math.log(1 - p + 1e-8)) - 2;
        assertEquals(2 * c, j.get("cost").asDouble(), 1e-6);
    }

    @Test
    void otaWithOptions() throws Exception {
        Run r = run(SCENE, "--matcher", "ota", "--k", "1", "--no-unit-increasing", "--eps", "0.05", "--iters", "200");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("ota", j.get("matcher").asText());
        assertEquals("[[0,1],[1,0]]", j.get("pairs").toString());
        assertEquals("[1.0,1.0]", j.get("k").toString());
        // dynamic k at stage 1 of 6: each GT has one IoU-1 prediction: k = 1, k* = max(1, 1 - 2.5) = 1
        Run d = run(SCENE.replace("\"stage\":6", "\"stage\":1"));
        assertEquals(0, d.exit(), d.err());
        assertEquals("[1.0,1.0]", new ObjectMapper().readTree(d.out()).get("k").toString());
        assertEquals(1, r.out().lines().count());
    }

    @Test
    void noGtIsAllBackground() throws Exception {
        String empty = SCENE.replace("\"boxes\":[[0,0,10,10],[50,50,60,60]], \"labels\":[0,1]", "\"boxes\":[], \"labels\":[]");
        for (String m : new String[] {"ota", "hungarian"}) {
            Run r = run(empty, "--matcher", m);
            assertEquals(0, r.exit(), r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertEquals("[]", j.get("pairs").toString());
            assertEquals("[]", j.get("k").toString());
            assertEquals(0.0, j.get("cost").asDouble());
        }
    }

    private void assertOneLineFailure(Run r, int exit, String expectedLine) {
        assertEquals(exit, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(expectedLine, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void badInputExitsNonZeroWithOneLine() throws Exception {
        assertOneLineFailure(run(SCENE.replace("[80,0,90,10]", "[80,NaN,90,10]")), 1,
                "assign: prediction 2: box must be finite with x2 >= x1 and y2 >= y1, got [80.0, NaN, 90.0, 10.0]");
        assertOneLineFailure(run(SCENE.replace("[[0,0,10,10],[50,50,60,60]]", "[[10,0,0,10],[50,50,60,60]]")), 1,
                "assign: gt 0: box must be finite with x2 >= x1 and y2 >= y1, got [10.0, 0.0, 0.0, 10.0]");
        assertOneLineFailure(run(SCENE.replace("[[0,3],[3,0],[0,0]]", "[[0,3],[3,0]]")), 1,
                "assign: predictions: 2 logit rows but 3 boxes");
        assertOneLineFailure(run(SCENE.replace("[[0,3],[3,0],[0,0]]", "[[0,3],[3,0],[0]]")), 1,
                "assign: prediction 2 has 1 logits, expected 2 (the length of most rows)");
        // a bad first row is blamed on itself, not on every correct row after it
        assertOneLineFailure(run(SCENE.replace("[[0,3],[3,0],[0,0]]", "[[0,3,1],[3,0],[0,0]]")), 1,
                "assign: prediction 0 has 3 logits, expected 2 (the length of most rows)");
        assertOneLineFailure(run(SCENE.replace("[[0,3],[3,0],[0,0]]", "[]")
                .replace("[[50,50,60,60],[0,0,10,10],[80,0,90,10]]", "[]")), 1,
                "assign: predictions.boxes is empty: there is nothing to assign (give at least one prediction with "
                        + "its box and logits)");
        assertOneLineFailure(run(SCENE.replace("[50,50,60,60]]", "[50,50,60]]")), 1,
                "assign: gt 1: a box needs 4 numbers x1,y1,x2,y2, got 3");
        assertOneLineFailure(run(SCENE.replace("\"labels\":[0,1]", "\"labels\":[0,5]")), 1,
                "assign: gt 1 has class 5, outside 0..1");
        assertOneLineFailure(run(SCENE.replace("\"labels\":[0,1]", "\"labels\":[0,1.5]")), 1,
                "assign: gt.labels[1] must be an integer, got 1.5");
        assertOneLineFailure(run(SCENE.replace("\"labels\":[0,1]", "\"labels\":[0]")), 1,
                "assign: gt: 2 boxes but 1 labels");
        assertOneLineFailure(run(SCENE.replace("\"stage\":6", "\"stage\":9")), 1,
                "assign: stage must be in 1..6 (stages >= 1), got 9");
        assertOneLineFailure(run("{\"image\":{\"width\":100}}"), 1, "assign: missing field image.height");
        assertOneLineFailure(run(SCENE, "--k", "lots"), 1,
                "assign: k must be 'dynamic' or an integer >= 1, got 'lots'");
        Run truncated = run("{\"image\": ");
        assertEquals(1, truncated.exit());
        assertEquals(1, truncated.err().lines().count(), truncated.err());
        assertTrue(truncated.err().startsWith("assign: cannot read "), truncated.err());
        assertOneLineFailure(runArgs("assign", "--problem", dir.resolve("missing.json").toString()), 1,
                "assign: problem file not found: " + dir.resolve("missing.json"));
        Run badMatcher = run(SCENE, "--matcher", "greedy");
        assertEquals(2, badMatcher.exit());
        assertEquals(1, badMatcher.err().lines().count(), badMatcher.err());
        assertTrue(badMatcher.err().startsWith("assign: Invalid value for option '--matcher'"), badMatcher.err());
    }
}
