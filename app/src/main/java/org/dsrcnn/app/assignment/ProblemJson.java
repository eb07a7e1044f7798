package org.dsrcnn.app.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsrcnn.engine.assign.MatchProblem;

/**
 * A problem in the file format of {@code dsrcnn assign --problem P.json} (README, "Label
 * assignment"), so what the page shows can be reproduced on the command line.
 */
public final class ProblemJson {

    private ProblemJson() {}

    public static String write(MatchProblem p) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.putObject("image").put("width", p.imageWidth()).put("height", p.imageHeight());
        ObjectNode predictions = root.putObject("predictions");
        matrix(predictions.putArray("boxes"), p.boxes());
        matrix(predictions.putArray("logits"), p.logits());
        ObjectNode gt = root.putObject("gt");
        matrix(gt.putArray("boxes"), p.gtBoxes());
        ArrayNode labels = gt.putArray("labels");
        for (int l : p.gtLabels()) {
            labels.add(l);
        }
        root.put("stage", p.stage()).put("stages", p.stages());
        return root.toString();
    }

    private static void matrix(ArrayNode out, float[][] rows) {
        for (float[] r : rows) {
            ArrayNode a = out.addArray();
            for (float v : r) {
                a.add(v);
            }
        }
    }
}
