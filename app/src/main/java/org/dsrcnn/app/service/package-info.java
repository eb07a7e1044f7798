/**
 * Services behind interfaces, so view-models are testable without a window: the detector
 * ({@link org.dsrcnn.app.service.DetectorService}), images on disk ({@link
 * org.dsrcnn.app.service.ImageLibrary}), exports ({@link org.dsrcnn.app.service.Exporter}), recent
 * items, and the one background {@link org.dsrcnn.app.service.TaskExecutor}.
 */
package org.dsrcnn.app.service;
