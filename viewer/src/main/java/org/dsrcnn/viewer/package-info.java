/** Reusable JavaFX controls fed plain data (traces, metrics); they never hold a model. */
package org.dsrcnn.viewer;
