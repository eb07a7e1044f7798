/** Small NDArray utilities shared by the model and the losses (host data, memory ownership). */
package org.dsrcnn.engine.ndarray;
