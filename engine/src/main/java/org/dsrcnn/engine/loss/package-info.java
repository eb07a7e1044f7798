/**
 * Training losses on NDArrays with autograd: the sigmoid focal loss and the set criterion that
 * supervises every head stage with its own label assignment (Hungarian or OTA, matched on detached
 * copies in plain Java) and sums focal, L1 and GIoU terms.
 */
package org.dsrcnn.engine.loss;
