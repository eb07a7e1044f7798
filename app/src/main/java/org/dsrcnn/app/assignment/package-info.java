/**
 * The Assignment page: draw and edit ground-truth boxes on the image and see, live, which of stage
 * t's predictions OTA (dynamic k, unit increasing, the 80 % cap) or Hungarian matching makes
 * positives for which box, at what cost (paper §3.2). The matcher is the training code
 * ({@code engine/assign}).
 */
package org.dsrcnn.app.assignment;
