package org.dsrcnn.engine.train;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;

/**
 * The config of a resumed sitting: the run's saved config with the changes this sitting asks for.
 * Each change is explained in a message or refused with a reason, never silently ignored. The
 * schedule ({@code solver.*}) may change, so that a later sitting can train longer or with other
 * steps; the seed and batch size may not (they define the data order the run has followed), nor may
 * anything else (it is what the weights and optimizer state were trained as).
 */
final class ResumeConfig {

    private static final Set<String> FIXED_SOLVER_KEYS = Set.of("solver.seed", "solver.batchSize");

    private ResumeConfig() {}

    /**
     * @param saved the run's config
     * @param requestedName the name of the config given on this command line, or null
     * @param overrides this sitting's explicit settings, dotted key to value, in order
     * @throws IllegalArgumentException (one line) for a change a resumed run cannot make
     */
    static DsrcnnConfig merge(DsrcnnConfig saved, String requestedName, Map<String, String> overrides,
            Consumer<String> messages) {
        if (requestedName != null && !requestedName.equals(saved.name())) {
            throw new IllegalArgumentException("the run was started with config '" + saved.name() + "'; --config "
                    + requestedName + " cannot change it on --resume (leave --config out, or start a new run)");
        }
        DsrcnnConfig merged = saved;
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String key = o.getKey();
            String before = Presets.valueOf(merged, key);
            DsrcnnConfig changed = Presets.with(merged, key, o.getValue());
            String after = Presets.valueOf(changed, key);
            if (before.equals(after)) {
                continue;
            }
            if (!key.startsWith("solver.") || FIXED_SOLVER_KEYS.contains(key)) {
                throw new IllegalArgumentException(key + "=" + o.getValue() + " differs from the run's saved value "
                        + before + ": a resumed run keeps its saved config except solver.* (not solver.seed or "
                        + "solver.batchSize); drop the setting, or start a new run");
            }
            messages.accept("resume: " + key + " " + before + " -> " + after);
            merged = changed;
        }
        return merged;
    }
}
