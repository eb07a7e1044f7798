package org.dsrcnn.engine.model.io;

import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.model.SparseRcnn;

/**
 * A model read from a model directory.
 *
 * @param model the built detector with its parameters loaded (config: {@code model.config()})
 * @param classNames K class names, index = class id of the logits
 * @param provenance free-form facts about the model (data, iterations, AP, ...), as saved
 */
public record LoadedModel(SparseRcnn model, List<String> classNames, Map<String, Object> provenance) {}
