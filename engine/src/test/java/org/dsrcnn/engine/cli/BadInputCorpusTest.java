package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dsrcnn.engine.train.TinyRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every bad input of {@link BadInputCorpus} through every command that reads it, in this JVM: a
 * failure must exit non-zero with exactly one line on stderr that starts with the command and names
 * the problem; an input that is fine (CMYK, 16-bit, a wrong-size or huge image in a split that is
 * skipped) must give exit 0; never a stack trace, on picocli's stderr or on System.err. A few cases
 * also run in a child {@code java} process, where the exit code and the whole of stderr are the
 * process's own.
 */
class BadInputCorpusTest {

    @TempDir static Path dir;
    static BadInputCorpus corpus;
    static int cases;

    /** A fully qualified exception or error class name, or a stack frame: what must never reach a user. */
    private static final Pattern TRACE = Pattern.compile("\tat |Exception in thread|\\b[a-z]+(\\.[a-z0-9]+)+\\."
            + "[A-Z][A-Za-z]*(Exception|Error)\\b");

    @BeforeAll
    static void generate() throws Exception {
        corpus = new BadInputCorpus(dir.resolve("corpus"));
    }

    @AfterAll
    static void report() {
        System.out.println("bad-input corpus: " + cases + " cases");
    }

    /** What a case expects. */
    private record Case(String name, boolean ok, String fragment, List<String> args, Consumer<Result> extra) {
        Case(String name, boolean ok, String fragment, List<String> args) {
            this(name, ok, fragment, args, r -> { });
        }
    }

    private record Result(int code, String out, String err, String systemErr) {}

    private static Case fails(String name, String fragment, String... args) {
        return new Case(name, false, fragment, List.of(args));
    }

    private static Case works(String name, String fragment, String... args) {
        return new Case(name, true, fragment, List.of(args));
    }

    private static String p(Path path) {
        return path.toString();
    }

    private static Result run(List<String> args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
            CommandLine cli = Dsrcnn.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return new Result(code, out + sysOut.toString(StandardCharsets.UTF_8), err.toString(),
                sysErr.toString(StandardCharsets.UTF_8));
    }

    private static void check(Case c) {
        Result r = run(c.args());
        String all = r.out() + r.err() + r.systemErr();
        assertFalse(TRACE.matcher(r.err() + r.systemErr()).find(), "a stack trace or exception name on stderr: " + all);
        if (c.ok()) {
            assertEquals(0, r.code(), all);
            if (c.fragment() != null) {
                assertTrue(all.contains(c.fragment()), "expected '" + c.fragment() + "' in: " + all);
            }
        } else {
            assertNotEquals(0, r.code(), all);
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line on stderr: " + r.err());
            assertTrue(lines.get(0).startsWith(c.args().get(0) + ": "), lines.get(0));
            assertTrue(lines.get(0).contains(c.fragment()), "expected '" + c.fragment() + "' in: " + lines.get(0));
        }
        c.extra().accept(r);
        if (System.getenv("CORPUS_PRINT") != null) { // to read every message: CORPUS_PRINT=1 mvn test -Dtest=...
            System.out.println("CASE " + c.name() + " => " + r.code() + " | " + r.err().strip().replace("\n", " / "));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputThroughEveryCommand() throws Exception {
        List<Case> all = new ArrayList<>();
        all.addAll(imageCases());
        all.addAll(modelCases());
        all.addAll(datasetCases());
        all.addAll(settingCases());
        all.addAll(overwriteCases());
        all.addAll(otherCases());
        cases = all.size();
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private List<Case> imageCases() {
        String m = p(corpus.goodModel);
        List<Case> c = new ArrayList<>();
        for (String good : List.of("valid.png", "cmyk.jpg", "ycck.jpg", "rgb16.png", "grey16.png")) {
            c.add(works("infer " + good, good + ": ", "infer", "--model", m, p(corpus.image(good))));
        }
        c.add(fails("infer zero-byte", "the file is empty (0 bytes)", "infer", "--model", m,
                p(corpus.image("zero-byte.png"))));
        c.add(fails("infer truncated png", "truncated.png: cannot decode image", "infer", "--model", m,
                p(corpus.image("truncated.png"))));
        c.add(fails("infer truncated jpeg", "the image data is cut short (truncated file)", "infer", "--model", m,
                p(corpus.image("truncated.jpg"))));
        c.add(fails("infer huge-header png", "image is 20000x20000 (400.0 megapixels), more than the limit", "infer",
                "--model", m, p(corpus.image("huge-header.png"))));
        c.add(fails("infer huge-header jpeg", "image is 60000x60000", "infer", "--model", m,
                p(corpus.image("huge-header.jpg"))));
        c.add(fails("infer text as png", "not an image format this program can decode", "infer", "--model", m,
                p(corpus.image("not-an-image.png"))));
        c.add(fails("infer a folder", "is a directory, expected an image file", "infer", "--model", m,
                p(corpus.image("folder.png"))));
        c.add(fails("infer a missing file", "no such file (expected an image file)", "infer", "--model", m,
                p(corpus.image("missing.png"))));
        c.add(fails("infer --threshold NaN", "--threshold must be a score in [0, 1], got NaN", "infer", "--model", m,
                "--threshold", "NaN", p(corpus.image("valid.png"))));
        c.add(fails("infer --threshold 1.5", "--threshold must be a score in [0, 1], got 1.5", "infer", "--model", m,
                "--threshold", "1.5", p(corpus.image("valid.png"))));
        c.add(fails("infer --trace same names", "would both write", "infer", "--model", m, "--trace",
                p(corpus.root.resolve("t.json")), p(corpus.images.resolve("a/same.png")),
                p(corpus.images.resolve("b/same.png"))));
        c.add(fails("infer --trace missing folder", "the folder " + corpus.root.resolve("nope") + " does not exist",
                "infer", "--model", m, "--trace", p(corpus.root.resolve("nope/t.json")), p(corpus.image("valid.png"))));
        c.add(fails("infer --trace a folder", "is a directory; expected a file name", "infer", "--model", m,
                "--trace", p(corpus.images), p(corpus.image("valid.png"))));
        c.add(works("infer --trace two images", "same.png", "infer", "--model", m, "--trace",
                p(corpus.root.resolve("two.json")), p(corpus.image("valid.png")), p(corpus.images.resolve("a/same.png"))));
        return c;
    }

    private List<Case> modelCases() {
        String[][] models = {
            {"empty", "not a model directory (no model.json)"},
            {"truncated-weights", "truncated (the file is cut short)"},
            {"zero-byte-weights", "truncated (the file is cut short)"},
            {"bit-flipped-weights", "corrupt"},
            {"huge-tensor-count", "tensor count 2147483647 is impossible for a file of"},
            {"no-weights", "tensor file not found"},
            {"truncated-model-json", "model.json: broken JSON at line"},
            {"nms-iou-7", "inference.nmsIou = 7.0: expected a number in [0, 1]"},
            {"nan-lr", "model.json: broken JSON at line"},
            {"wrong-class-count", "9 class names but the config has 8 classes"},
            {"bit-flipped-model-json", "is not a dsrcnn-model file"}};
        List<Case> c = new ArrayList<>();
        for (String[] model : models) {
            String m = p(corpus.model(model[0]));
            c.add(fails("infer with model " + model[0], model[1], "infer", "--model", m, p(corpus.image("valid.png"))));
            c.add(fails("eval with model " + model[0], model[1], "eval", "--model", m, "--data", p(corpus.goodData)));
            c.add(fails("dpg-stats with model " + model[0], model[1], "dpg-stats", "--model", m, "--data",
                    p(corpus.goodData)));
            c.add(fails("export model " + model[0], model[1], "export", "--model", m, "--out",
                    p(corpus.root.resolve("exports/" + model[0]))));
        }
        return c;
    }

    private List<Case> datasetCases() {
        String m = p(corpus.goodModel);
        List<Case> c = new ArrayList<>();
        c.add(works("eval good split", "Average Precision", "eval", "--model", m, "--data", p(corpus.goodData)));
        c.add(works("eval wrong-size image", "eval: warning: image 1 (000001.png) is 80x60 but its annotations say "
                + "64x64", "eval", "--model", m, "--data", p(corpus.dataset("wrong-size"))));
        c.add(works("eval one truncated image", "eval: skipped image 2 (000002.png): cannot decode image", "eval",
                "--model", m, "--data", p(corpus.dataset("one-truncated"))));
        c.add(works("eval one huge image", "eval: skipped image 3 (000003.png): image is 20000x20000", "eval",
                "--model", m, "--data", p(corpus.dataset("one-huge"))));
        c.add(works("eval infinite boxes", "non-finite value; skipped", "eval", "--model", m, "--data",
                p(corpus.dataset("infinite-boxes"))));
        c.add(fails("eval all images unreadable", "none of the 3 images of split val could be read (first: image 1 "
                + "(000001.png): the file is empty (0 bytes))", "eval", "--model", m, "--data",
                p(corpus.dataset("all-zero-byte"))));
        c.add(fails("eval all images missing", "split val of " + corpus.dataset("all-missing") + " has no usable "
                + "images", "eval", "--model", m, "--data", p(corpus.dataset("all-missing"))));
        c.add(fails("eval empty split", "has no usable images", "eval", "--model", m, "--data",
                p(corpus.dataset("empty-split"))));
        c.add(fails("eval broken json", "broken JSON at line", "eval", "--model", m, "--data",
                p(corpus.dataset("broken-json"))));
        c.add(fails("eval NaN literal", "NaN is not a number JSON allows", "eval", "--model", m, "--data",
                p(corpus.dataset("nan-literal"))));
        c.add(fails("eval top-level array", "the top level is not a JSON object", "eval", "--model", m, "--data",
                p(corpus.dataset("top-level-array"))));
        c.add(fails("eval no annotations", "val.json: no such file", "eval", "--model", m, "--data",
                p(corpus.dataset("no-annotations"))));
        c.add(fails("eval missing data", "does not exist; expected a dataset directory with annotations/val.json",
                "eval", "--model", m, "--data", p(corpus.root.resolve("no-such-data"))));
        c.add(fails("dpg-stats all unreadable", "no readable image", "dpg-stats", "--model", m, "--data",
                p(corpus.dataset("all-zero-byte"))));

        String gt = p(corpus.goodData.resolve("annotations/val.json"));
        c.add(fails("eval --gt empty", "has no usable images: nothing to evaluate", "eval", "--gt",
                p(corpus.dataset("empty-split").resolve("annotations/val.json")), "--dt", gt));
        c.add(fails("eval --gt broken", "broken JSON at line", "eval", "--gt",
                p(corpus.dataset("broken-json").resolve("annotations/val.json")), "--dt", gt));
        c.add(fails("eval --dt broken", "broken JSON at line", "eval", "--gt", gt, "--dt",
                p(corpus.dataset("broken-json").resolve("annotations/val.json"))));
        c.add(fails("eval --dt not detections", "results must be a JSON array of detections", "eval", "--gt", gt,
                "--dt", gt));
        c.add(fails("eval --json into a missing folder", "does not exist", "eval", "--gt", gt, "--dt", gt, "--json",
                p(corpus.root.resolve("nope/m.json"))));

        for (String[] data : new String[][] {
            {"empty-split", "the train split of " + corpus.dataset("empty-split") + " has no usable images"},
            {"broken-json", "broken JSON at line"},
            {"nan-literal", "NaN is not a number JSON allows"},
            {"top-level-array", "the top level is not a JSON object"},
            {"no-annotations", "train.json: no such file"}}) {
            c.add(fails("train on " + data[0], data[1], TinyRuns.trainArgs(corpus.dataset(data[0]),
                    corpus.root.resolve("runs/" + data[0]), "--iters", "1").toArray(String[]::new)));
        }
        c.add(fails("train on missing data", "does not exist; expected a dataset directory", TinyRuns.trainArgs(
                corpus.root.resolve("no-such-data"), corpus.root.resolve("runs/missing")).toArray(String[]::new)));
        return c;
    }

    private List<Case> settingCases() {
        List<Case> c = new ArrayList<>();
        String[][] settings = {
            {"solver.lr=NaN", "solver.lr = NaN: expected a finite number > 0"},
            {"solver.lr=-1", "solver.lr = -1.0: expected a finite number > 0"},
            {"solver.maxIters=0", "solver.maxIters = 0: expected an integer >= 1"},
            {"solver.checkpointPeriod=0", "solver.checkpointPeriod = 0: expected an integer >= 1"},
            {"solver.evalPeriod=0", "solver.evalPeriod = 0: expected an integer >= 1"},
            {"solver.batchSize=0", "solver.batchSize = 0: expected an integer >= 1"},
            {"solver.steps=[9,3]", "solver.steps = [9, 3]: expected a list of iterations >= 1 in increasing order"},
            {"input.trainShortSides=[0]", "input.trainShortSides = [0]: expected a non-empty list of sizes >= 1"},
            {"inference.topK=0", "inference.topK = 0: expected an integer >= 1"},
            {"inference.nmsIou=7", "inference.nmsIou = 7.0: expected a number in [0, 1]"},
            {"matcher.type=greedy", "matcher.type = greedy: expected one of [hungarian, ota]"},
            {"head.stages=0", "head.stages = 0: expected an integer >= 1"},
            {"proposals.count=0", "proposals.count = 0: expected an integer >= 1"},
            {"solver.maxIters=abc", "bad value for solver.maxIters"},
            {"no.such=1", "no config section 'no' in no.such"},
            {"garbage", "--set takes key=value, got 'garbage'"}};
        for (String[] s : settings) {
            List<String> args = new ArrayList<>(List.of("train", "--config", "small", "--data", p(corpus.goodData),
                    "--out", p(corpus.root.resolve("runs/set-" + s[0].replaceAll("[^a-zA-Z0-9]", "_"))), "--set", s[0]));
            c.add(new Case("train --set " + s[0], false, s[1], args));
        }
        c.add(fails("train --iters 0", "solver.maxIters = 0: expected an integer >= 1", "train", "--config", "small",
                "--data", p(corpus.goodData), "--out", p(corpus.root.resolve("runs/iters0")), "--iters", "0"));
        for (String[] s : new String[][] {
            {"inference.nmsIou=7", "inference.nmsIou = 7.0: expected a number in [0, 1]"},
            {"inference.topK=0", "inference.topK = 0: expected an integer >= 1"},
            {"inference.scoreThreshold=NaN", "inference.scoreThreshold = NaN: expected a number in [0, 1]"},
            {"input.testShortSide=0", "input.testShortSide = 0: expected an integer >= 1"}}) {
            c.add(fails("export --set " + s[0], s[1], "export", "--model", p(corpus.goodModel), "--out",
                    p(corpus.root.resolve("exports/set-" + s[0].replaceAll("[^a-zA-Z0-9]", "_"))), "--set", s[0]));
        }
        return c;
    }

    private List<Case> overwriteCases() throws Exception {
        List<Case> c = new ArrayList<>();
        c.add(fails("export over a model", "is not empty (it holds a model): pass --force to replace it", "export",
                "--model", p(corpus.goodModel), "--out", p(corpus.model("nms-iou-7"))));
        Path replaceable = corpus.root.resolve("exports/replaceable");
        Files.createDirectories(replaceable);
        Files.writeString(replaceable.resolve("old.txt"), "old");
        c.add(new Case("export --force over a folder", true, "model: ", List.of("export", "--model",
                p(corpus.goodModel), "--out", p(replaceable), "--force"),
                r -> assertTrue(Files.isRegularFile(replaceable.resolve("model.json")))));
        c.add(fails("gen-shapes over a dataset", "already holds a dataset (annotations/, train/, val/): pass --force",
                "gen-shapes", "--out", p(corpus.goodData), "--train", "1", "--val", "1", "--seed", "1", "--quiet"));
        Path regenerated = corpus.root.resolve("regenerated");
        Files.createDirectories(regenerated.resolve("val"));
        Path stale = Files.writeString(regenerated.resolve("val/999999.png"), "stale");
        Files.createDirectories(regenerated.resolve("annotations"));
        c.add(new Case("gen-shapes --force leaves no stale image", true, "wrote 2 images", List.of("gen-shapes",
                "--out", p(regenerated), "--train", "1", "--val", "1", "--seed", "1", "--size", "64", "--quiet",
                "--force"), r -> assertFalse(Files.exists(stale), "the old dataset's image is gone")));
        Path file = Files.writeString(corpus.root.resolve("notes.txt"), "notes");
        c.add(fails("train --out a file", "is a file; expected a directory", TinyRuns.trainArgs(corpus.goodData, file)
                .toArray(String[]::new)));
        return c;
    }

    private List<Case> otherCases() throws Exception {
        List<Case> c = new ArrayList<>();
        String scene = """
                {"image":{"width":100,"height":100},
                 "predictions":{"boxes":%s, "logits":%s},
                 "gt":{"boxes":[[0,0,10,10]], "labels":[0]}}
                """;
        Path none = Files.writeString(corpus.root.resolve("p-none.json"), scene.formatted("[]", "[]"));
        c.add(fails("assign zero predictions", "predictions.boxes is empty: there is nothing to assign", "assign",
                "--problem", p(none)));
        Path rows = Files.writeString(corpus.root.resolve("p-rows.json"),
                scene.formatted("[[0,0,10,10],[1,1,9,9],[2,2,8,8]]", "[[1,2,3],[1,2],[3,4]]"));
        c.add(fails("assign odd first row", "prediction 0 has 3 logits, expected 2 (the length of most rows)",
                "assign", "--problem", p(rows)));
        Path nan = Files.writeString(corpus.root.resolve("p-nan.json"), scene.formatted("[[0,NaN,10,10]]", "[[1,2]]"));
        c.add(fails("assign NaN box", "prediction 0: box must be finite", "assign", "--problem", p(nan)));
        Path cut = Files.writeString(corpus.root.resolve("p-cut.json"), "{\"image\": {\"width\": 1");
        c.add(fails("assign truncated", "cannot read " + cut + ": broken JSON at line 1, column ", "assign",
                "--problem", p(cut)));
        c.add(fails("assign missing", "problem file not found", "assign", "--problem", p(corpus.root.resolve("x.json"))));
        Path pth = Files.write(corpus.root.resolve("zero.pth"), new byte[0]);
        c.add(fails("import zero-byte checkpoint", "zero.pth: empty or too short to be a checkpoint", "import", "--checkpoint", p(pth), "--out",
                p(corpus.root.resolve("imported/zero"))));
        Path text = Files.writeString(corpus.root.resolve("text.pth"), "not a checkpoint at all");
        c.add(fails("import text checkpoint", "text.pth: not a PyTorch or detectron2 checkpoint", "import", "--checkpoint", p(text), "--out",
                p(corpus.root.resolve("imported/text"))));
        return c;
    }

    /**
     * Process-level: the real {@code main} (exit code through System.exit, whatever the engine's
     * native start-up prints) gives one line on stderr and no stack trace.
     */
    @Test
    void aChildProcessExitsNonZeroWithOneLine() throws Exception {
        String[][] runs = {
            {"infer: " + corpus.image("huge-header.png") + ": image is 20000x20000", "infer", "--model",
                p(corpus.goodModel), p(corpus.image("huge-header.png"))},
            {"eval: bad tensor file weights.dsrt: checksum mismatch", "eval", "--model",
                p(corpus.model("bit-flipped-weights")), "--data", p(corpus.goodData)},
            {"train: solver.lr = NaN: expected a finite number > 0", "train", "--config", "small", "--data",
                p(corpus.goodData), "--out", p(corpus.root.resolve("runs/child")), "--set", "solver.lr=NaN"}};
        for (String[] run : runs) {
            Path out = dir.resolve("child.out");
            Path err = dir.resolve("child.err");
            ProcessBuilder pb = TinyRuns.child(out, List.of(), List.of(run).subList(1, run.length));
            pb.redirectErrorStream(false).redirectError(err.toFile());
            Process child = pb.start();
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child ended");
            String stderr = Files.readString(err);
            assertEquals(1, child.exitValue(), stderr);
            assertEquals(1, stderr.lines().filter(l -> !l.isBlank()).count(), stderr);
            assertTrue(stderr.startsWith(run[0]), stderr);
            assertFalse(TRACE.matcher(stderr).find(), stderr);
        }
    }
}
