package org.dsrcnn.engine.data.shapes;

/**
 * One labelled object of a generated scene: its visible extent after occlusion and clipping.
 *
 * @param shape the class
 * @param x left edge of the visible pixels
 * @param y top edge
 * @param w width of the visible extent (pixels)
 * @param h height
 * @param area number of visible pixels (COCO's object {@code area}, which decides small / medium /
 *     large)
 * @param visibleFraction visible pixels / pixels the object would cover inside the image unoccluded
 */
public record SceneObject(ShapeClass shape, int x, int y, int w, int h, int area, double visibleFraction) {}
