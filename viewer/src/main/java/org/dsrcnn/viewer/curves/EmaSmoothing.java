package org.dsrcnn.viewer.curves;

/**
 * TensorBoard's "classic" smoothing: a debiased exponential moving average, exactly as its
 * {@code classicSmoothing} (tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts) does it,
 * so a curve here looks like the same curve in TensorBoard at the same slider value:
 * <ul>
 *   <li>{@code last = last * w + (1 - w) * y}, divided by the debias weight {@code 1 - w^n} where
 *       {@code n} counts the finite points seen so far (no debias when {@code w == 1}, which gives 0);
 *   <li>a non-finite point (NaN, +-Infinity) is passed through unchanged and does not advance
 *       {@code n} or the average;
 *   <li>a constant series is returned unchanged (no floating-point noise, TensorBoard issue #786);
 *   <li>a weight that is not finite or below 0 acts as 0 (no smoothing), above 1 as 1.
 * </ul>
 */
public final class EmaSmoothing {
    private EmaSmoothing() {}

    /**
     * @param y the raw values, in x order
     * @param weight the slider value, 0 (none) .. 0.999
     * @return a new array of the same length with the smoothed values
     */
    public static double[] smooth(double[] y, double weight) {
        return smooth(y, y.length, weight, new double[y.length]);
    }

    /**
     * Smooths the first {@code n} values of {@code y} into {@code out} (which may be reused between
     * calls; it must hold at least {@code n} values) and returns {@code out}.
     */
    public static double[] smooth(double[] y, int n, double weight, double[] out) {
        double w = Double.isFinite(weight) ? Math.max(0, Math.min(weight, 1)) : 0;
        if (n == 0) {
            return out;
        }
        boolean constant = true;
        double first = y[0];
        for (int i = 1; i < n && constant; i++) {
            constant = y[i] == first; // NaN is never equal: a series with NaN is not constant
        }
        if (constant || w == 0) {
            System.arraycopy(y, 0, out, 0, n);
            return out;
        }
        double last = 0;
        int accumulated = 0;
        double power = 1; // w^accumulated, kept as a running product
        for (int i = 0; i < n; i++) {
            double next = y[i];
            if (!Double.isFinite(next)) {
                out[i] = next;
                continue;
            }
            last = last * w + (1 - w) * next;
            accumulated++;
            // w^n as a running product; below 1e-18 it no longer changes 1 - w^n, and letting it run
            // on into subnormal numbers makes every multiplication ~100x slower (140 ms -> 10 ms
            // for 10 x 100k points)
            power = power < 1e-18 ? 0 : power * w;
            double debias = w == 1 ? 1 : 1 - power;
            out[i] = last / debias;
        }
        return out;
    }
}
