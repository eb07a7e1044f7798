/**
 * Model and tensor files: {@link org.dsrcnn.engine.model.io.NamedTensors} (a checksummed binary file of
 * named arrays, also used for optimizer state) and {@link org.dsrcnn.engine.model.io.ModelFiles} (a
 * model directory: {@code model.json} with format version, config, class names and provenance, plus
 * {@code weights.dsrt}), written atomically.
 */
package org.dsrcnn.engine.model.io;
