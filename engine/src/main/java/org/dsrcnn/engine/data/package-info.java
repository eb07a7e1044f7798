/** COCO datasets, image transforms, batching and the synthetic shapes dataset. */
package org.dsrcnn.engine.data;
