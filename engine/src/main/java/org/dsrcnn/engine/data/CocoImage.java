package org.dsrcnn.engine.data;

/**
 * One {@code images} record of a COCO file.
 *
 * @param id the image id
 * @param fileName path of the image file relative to the dataset's image directory
 * @param width width in pixels, as the annotation file states it
 * @param height height in pixels, as the annotation file states it
 */
public record CocoImage(long id, String fileName, int width, int height) {}
