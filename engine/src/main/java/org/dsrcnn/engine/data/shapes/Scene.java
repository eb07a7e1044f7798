package org.dsrcnn.engine.data.shapes;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One generated image and its labelled objects (in drawing order, back to front).
 *
 * @param image size x size RGB
 * @param objects the objects that stayed visible enough to be labelled
 * @param dropped how many drawn objects were left unlabelled because they were mostly hidden
 */
public record Scene(BufferedImage image, List<SceneObject> objects, int dropped) {}
