package org.dsrcnn.app.service;

import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * What the app shows about the loaded model.
 *
 * @param name model name (config name or model directory name)
 * @param description {@code Detector.description()}: "model", "provenance", "engine", "device",
 *     "threads", "parameters"
 * @param classNames K class names
 * @param untrained true for a random-weights model (the app says so on screen)
 * @param config the model's config
 */
public record ModelInfo(
        String name, Map<String, String> description, List<String> classNames, boolean untrained, DsrcnnConfig config) {}
