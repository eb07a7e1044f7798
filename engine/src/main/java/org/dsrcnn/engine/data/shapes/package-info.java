/**
 * The synthetic shapes dataset ({@code dsrcnn gen-shapes}): eight shape classes drawn with random
 * colours, rotations and sizes over textured, noisy backgrounds with distractor clutter, written in
 * COCO layout. Every image is a pure function of (seed, split, index).
 */
package org.dsrcnn.engine.data.shapes;
