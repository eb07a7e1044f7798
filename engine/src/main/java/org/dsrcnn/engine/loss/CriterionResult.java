package org.dsrcnn.engine.loss;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.assign.Assignment;

/**
 * What {@link SetCriterion#compute} returns.
 *
 * @param total scalar, differentiable: the sum of every entry of {@code losses}
 * @param losses "s1.cls", "s1.l1", "s1.giou", ..., "sT.giou": scalars, already weighted (2 / 5 / 2)
 *     and normalised, in that order
 * @param assignments [stage][image] the assignment each stage was supervised with
 * @param positives (T) positive predictions per stage over the batch
 */
public record CriterionResult(
        NDArray total, Map<String, NDArray> losses, List<List<Assignment>> assignments, int[] positives) {

    /** Every loss as a float (one device read each), same keys and order, plus "total". */
    public Map<String, Float> toFloats() {
        Map<String, Float> out = new LinkedHashMap<>();
        losses.forEach((k, v) -> out.put(k, v.getFloat()));
        out.put("total", total.getFloat());
        return out;
    }
}
