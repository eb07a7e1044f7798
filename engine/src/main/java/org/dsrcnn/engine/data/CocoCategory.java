package org.dsrcnn.engine.data;

/**
 * One {@code categories} record of a COCO file.
 *
 * @param id the category id as the file states it (need not be contiguous)
 * @param name the class name
 */
public record CocoCategory(int id, String name) {}
