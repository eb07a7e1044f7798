package org.dsrcnn.engine.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.assign.GtMatch;
import org.dsrcnn.engine.assign.HungarianMatcher;
import org.dsrcnn.engine.assign.LabelMatcher;
import org.dsrcnn.engine.assign.MatchProblem;
import org.dsrcnn.engine.assign.OtaMatcher;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsrcnn assign}: runs a label matcher on the predictions and GT of one image, as the
 * Assignment view does, and prints the result as one line of JSON. The matching-cost weights, the
 * unit step (0.5) and the positive cap (0.8) are the {@code paper} preset's.
 */
@Command(
        name = "assign",
        mixinStandardHelpOptions = true,
        description = {
            "Label assignment (Hungarian or OTA) on given predictions and GT, printed as JSON:",
            "{\"matcher\":..., \"pairs\":[[prediction, gt],...], \"k\":[k* per GT], \"cost\": sum of C over the pairs}"
        })
public final class AssignCommand implements Callable<Integer> {

    /** The two matchers. */
    enum MatcherType {
        hungarian,
        ota
    }

    @Spec CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "P.json",
            description = "{\"image\":{\"width\":W,\"height\":H}, \"predictions\":{\"boxes\":[[x1,y1,x2,y2],...],"
                    + " \"logits\":[[...],...]}, \"gt\":{\"boxes\":[...], \"labels\":[c,...]}, \"stage\":t, \"stages\":T}"
                    + " (stage and stages default to 6)")
    Path problem;

    @Option(names = "--matcher", defaultValue = "ota", description = "hungarian or ota (default: ${DEFAULT-VALUE})")
    MatcherType matcher;

    @Option(names = "--k", defaultValue = "dynamic", description = "OTA units per GT: dynamic or an integer (default: ${DEFAULT-VALUE})")
    String k;

    @Option(names = "--q", defaultValue = "8", description = "top IoUs summed for dynamic k (default: ${DEFAULT-VALUE})")
    int q;

    @Option(names = "--eps", defaultValue = "0.1", description = "Sinkhorn entropic regularisation (default: ${DEFAULT-VALUE})")
    double eps;

    @Option(names = "--iters", defaultValue = "50", description = "Sinkhorn iterations (default: ${DEFAULT-VALUE})")
    int iters;

    @Option(names = "--cap", defaultValue = "0.8",
            description = "at most this fraction of the predictions positive; 1 = no cap (default: ${DEFAULT-VALUE})")
    double cap;

    @Option(names = "--no-unit-increasing", description = "use k at every stage instead of k - 0.5 (T - t)")
    boolean noUnitIncreasing;

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Override
    public Integer call() throws IOException {
        DsrcnnConfig paper = Presets.load("paper");
        DsrcnnConfig.Matcher p = paper.matcher();
        LabelMatcher labelMatcher = matcher == MatcherType.hungarian
                ? new HungarianMatcher(paper.loss())
                : new OtaMatcher(new DsrcnnConfig.Matcher("ota", k, q, !noUnitIncreasing, p.unitStep(),
                        cap, eps, iters), paper.loss());
        MatchProblem matchProblem = read(problem);
        Assignment a = labelMatcher.match(matchProblem);

        ObjectNode out = JSON.createObjectNode();
        out.put("matcher", a.matcher());
        ArrayNode pairs = out.putArray("pairs");
        for (int[] pair : a.pairs()) {
            pairs.addArray().add(pair[0]).add(pair[1]);
        }
        ArrayNode ks = out.putArray("k");
        for (GtMatch g : a.gts()) {
            ks.add(g.kStar());
        }
        out.put("cost", a.totalCost());
        spec.commandLine().getOut().println(JSON.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Reads and validates a problem file; every failure is an IllegalArgumentException with one line. */
    static MatchProblem read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("problem file not found: " + file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + org.dsrcnn.engine.errors.JsonErrors.describe(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + org.dsrcnn.engine.errors.OneLineReason.of(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object");
        }
        JsonNode image = field(root, "image", "image");
        float width = number(field(image, "width", "image.width"), "image.width");
        float height = number(field(image, "height", "image.height"), "image.height");
        JsonNode predictions = field(root, "predictions", "predictions");
        float[][] boxes = matrix(field(predictions, "boxes", "predictions.boxes"), "predictions.boxes");
        float[][] logits = matrix(field(predictions, "logits", "predictions.logits"), "predictions.logits");
        if (boxes.length == 0) {
            throw new IllegalArgumentException("predictions.boxes is empty: there is nothing to assign (give at least "
                    + "one prediction with its box and logits)");
        }
        JsonNode gt = field(root, "gt", "gt");
        float[][] gtBoxes = matrix(field(gt, "boxes", "gt.boxes"), "gt.boxes");
        JsonNode labelNode = field(gt, "labels", "gt.labels");
        if (!labelNode.isArray()) {
            throw new IllegalArgumentException("gt.labels must be an array of class indices");
        }
        int[] labels = new int[labelNode.size()];
        for (int i = 0; i < labels.length; i++) {
            JsonNode v = labelNode.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException("gt.labels[" + i + "] must be an integer, got " + v);
            }
            labels[i] = v.intValue();
        }
        int stages = integer(root, "stages", 6);
        int stage = integer(root, "stage", stages);
        return new MatchProblem(logits, boxes, gtBoxes, labels, width, height, stage, stages);
    }

    private static JsonNode field(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field " + path);
        }
        return v;
    }

    private static int integer(JsonNode root, String name, int fallback) {
        JsonNode v = root.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be an integer, got " + v);
        }
        return v.intValue();
    }

    private static float number(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number, got " + v);
        }
        return v.floatValue();
    }

    private static float[][] matrix(JsonNode v, String path) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(path + " must be an array of arrays of numbers");
        }
        float[][] out = new float[v.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = v.get(i);
            if (!row.isArray()) {
                throw new IllegalArgumentException(path + "[" + i + "] must be an array of numbers");
            }
            out[i] = new float[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = number(row.get(j), path + "[" + i + "][" + j + "]");
            }
        }
        return out;
    }
}
