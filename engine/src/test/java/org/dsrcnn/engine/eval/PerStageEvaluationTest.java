package org.dsrcnn.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoJsonBuilder;
import org.dsrcnn.engine.infer.PostProcessor;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each stage is scored as if it were the last: a trace whose stage-2 boxes are exactly the GT (with
 * confident logits of the right class) has AP 1.0 at stage 2, and its stages 1 and 3, whose boxes
 * are shifted off every GT (IoU 0), have AP 0.
 */
class PerStageEvaluationTest {

    @Test
    void theStageWhoseBoxesEqualTheGtScoresOne(@TempDir Path dir) {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").category(2, "b").image(1, 200, 100)
                .box(1, 1, 10, 10, 40, 30).box(1, 2, 100, 20, 50, 60).load(dir.resolve("gt.json"));
        float[][] exact = {{10, 10, 50, 40}, {100, 20, 150, 80}, {0, 0, 5, 5}};
        float[][] shifted = {{60, 50, 100, 80}, {160, 0, 200, 10}, {0, 0, 5, 5}};
        // confident in the right class for the two GT-covering proposals, unsure for the third
        float[][] logits = {{6, -6}, {-6, 6}, {-3, -3}};
        List<StageTrace> stages = List.of(new StageTrace(0, shifted, null), new StageTrace(1, shifted, logits),
                new StageTrace(2, exact, logits), new StageTrace(3, shifted, logits));
        DetectionTrace trace = new DetectionTrace(200, 100, List.of("a", "b"), stages, null, List.of(), new HashMap<>());
        PerStageEvaluation eval = new PerStageEvaluation(gt,
                new PostProcessor(Presets.load("small").inference()));
        eval.add(1, trace);
        List<CocoMetrics> m = eval.evaluate();
        assertEquals(3, m.size());
        assertEquals(0.0, m.get(0).get("AP"), 1e-12, "stage 1: boxes off the GT");
        assertEquals(1.0, m.get(1).get("AP"), 1e-12, "stage 2: boxes equal the GT");
        assertEquals(1.0, m.get(1).get("AP75"), 1e-12);
        assertEquals(0.0, m.get(2).get("AP"), 1e-12, "stage 3: boxes off the GT");
    }
}
