/**
 * The class legend: one row per class with its stable colour ({@link org.dsrcnn.viewer.ClassColors}),
 * how many detections and GT boxes of it are shown, and a switch that hides it. Fed plain data.
 */
package org.dsrcnn.viewer.legend;
