package org.dsrcnn.engine.assign;

import org.dsrcnn.engine.config.DsrcnnConfig;

/** Assigns predictions to ground truth for one image at one stage. Implementations are stateless and thread-safe. */
public interface LabelMatcher {

    /** "hungarian" or "ota". */
    String name();

    /**
     * Matches one problem.
     *
     * @return the assignment; an image without GT gives all-background
     */
    Assignment match(MatchProblem problem);

    /**
     * The matcher a config asks for ({@code matcher.type}), with the config's loss weights as the
     * matching cost.
     *
     * @throws IllegalArgumentException for an unknown type or invalid OTA settings
     */
    static LabelMatcher fromConfig(DsrcnnConfig config) {
        return switch (config.matcher().type()) {
            case "hungarian" -> new HungarianMatcher(config.loss());
            case "ota" -> new OtaMatcher(config.matcher(), config.loss());
            default -> throw new IllegalArgumentException(
                    "unknown matcher '" + config.matcher().type() + "': expected hungarian or ota");
        };
    }
}
