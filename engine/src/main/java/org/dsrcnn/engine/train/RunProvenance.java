package org.dsrcnn.engine.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.eval.CocoMetrics;

/** What a checkpoint's or final model's {@code provenance} records about the run that made it. */
record RunProvenance(Path dataDir, Path runDir, Path initWeights, List<String> reinit, Double respreadExperts,
        Map<String, Object> inherited, DsrcnnConfig config) {

    /** The keys that say how a run started; a resumed sitting carries them on from its checkpoint. */
    static final List<String> START_KEYS = List.of("initialised_from", "reinitialised", "experts_respread_jitter");

    /** The {@link #START_KEYS} entries of a checkpoint's provenance. */
    static Map<String, Object> startOf(Map<String, Object> provenance) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : START_KEYS) {
            if (provenance.containsKey(k)) {
                out.put(k, provenance.get(k));
            }
        }
        return out;
    }

    /** The provenance at iteration {@code iter} (with the evaluation's numbers when there is one). */
    Map<String, Object> at(long iter, long imagesSeen, CocoMetrics metrics) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("data", dataDir.toAbsolutePath().normalize().toString());
        p.put("run", runDir.toAbsolutePath().normalize().toString());
        p.put("iterations", iter);
        p.put("images_seen", imagesSeen);
        p.put("seed", config.solver().seed());
        p.putAll(inherited);
        if (initWeights != null) {
            p.put("initialised_from", initWeights.toAbsolutePath().normalize().toString());
            if (!reinit.isEmpty()) {
                p.put("reinitialised", reinit);
            }
            if (respreadExperts != null) {
                p.put("experts_respread_jitter", respreadExperts);
            }
        }
        p.put("matcher", config.matcher().type());
        p.put("dynamic_proposals", config.proposals().dynamic());
        if (metrics != null) {
            p.put("val", metrics.asMap());
        }
        p.put("saved", Instant.now().toString());
        return p;
    }
}
