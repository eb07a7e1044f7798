/**
 * The explorer application: {@link org.dsrcnn.app.Launcher} (main class), {@link
 * org.dsrcnn.app.ExplorerApp} (the window and start-up) and {@link org.dsrcnn.app.AppServices}
 * (the composition root). Views in {@code view}, view-models in {@code viewmodel}, services in
 * {@code service}.
 */
package org.dsrcnn.app;
