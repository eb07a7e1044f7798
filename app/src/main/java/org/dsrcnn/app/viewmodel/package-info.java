/**
 * View-models (JabRef MVVM): JavaFX properties and the logic behind the window; no controls, so
 * they are tested without one. Long work goes through the {@link org.dsrcnn.app.service.TaskExecutor}.
 */
package org.dsrcnn.app.viewmodel;
