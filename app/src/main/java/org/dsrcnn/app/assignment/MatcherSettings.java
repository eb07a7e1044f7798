package org.dsrcnn.app.assignment;

import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * The matcher the Assignment page runs, as the panel sets it (paper §3.2).
 *
 * @param kind Hungarian (Sparse R-CNN, one-to-one), OTA with a fixed k, or OTA with dynamic k
 * @param fixedK k for {@link Kind#OTA_FIXED_K} (>= 1)
 * @param q top IoUs summed for dynamic k (>= 1)
 * @param unitIncreasing k* = max(1, k - step (T - t)) (Eq. 2)
 * @param unitStep the step of Eq. 2 (0.5 in the paper)
 * @param cap at most 80 % of the predictions positive (OTA)
 * @param capFraction the cap's fraction when on (0.8)
 * @param eps Sinkhorn's entropic regularisation (> 0)
 * @param iterations Sinkhorn iterations (>= 1)
 */
public record MatcherSettings(Kind kind, int fixedK, int q, boolean unitIncreasing, double unitStep, boolean cap,
        double capFraction, double eps, int iterations) {

    /** Which matcher. */
    public enum Kind {
        HUNGARIAN("Hungarian (one-to-one)"), OTA_FIXED_K("OTA, fixed k"), OTA_DYNAMIC_K("OTA, dynamic k");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The settings a model was trained with (its config's matcher section). */
    public static MatcherSettings of(DsrcnnConfig.Matcher m) {
        boolean dynamic = "dynamic".equals(m.k());
        Kind kind = "hungarian".equals(m.type()) ? Kind.HUNGARIAN : dynamic ? Kind.OTA_DYNAMIC_K : Kind.OTA_FIXED_K;
        int fixed = dynamic ? 3 : Integer.parseInt(m.k().trim());
        boolean cap = m.positiveCap() < 1;
        return new MatcherSettings(kind, fixed, m.q(), m.unitIncreasing(), m.unitStep(), cap,
                cap ? m.positiveCap() : 0.8, m.sinkhornEps(), m.sinkhornIters());
    }

    /** The same settings with another matcher kind. */
    public MatcherSettings withKind(Kind k) {
        return new MatcherSettings(k, fixedK, q, unitIncreasing, unitStep, cap, capFraction, eps, iterations);
    }

    /** As the engine's matcher config (what {@code OtaMatcher} and training read). */
    public DsrcnnConfig.Matcher toConfig() {
        return new DsrcnnConfig.Matcher(kind == Kind.HUNGARIAN ? "hungarian" : "ota",
                kind == Kind.OTA_DYNAMIC_K ? "dynamic" : String.valueOf(fixedK), q, unitIncreasing, unitStep,
                cap ? capFraction : 1.0, eps, iterations);
    }
}
