/**
 * The explorer application, organised by feature as JabRef organises its GUI: {@code main} (the
 * window that hosts the pages, its status bar, notices, key bindings and help), {@code session}
 * (the one analysis session every page observes: current image, trace, ground truth, model,
 * selection; JabRef's StateManager), one package per page with its View and ViewModel ({@code
 * explorer}, {@code assignment}), and {@code service} (file, detector and background-work services
 * behind interfaces). {@link org.dsrcnn.app.Launcher} is the main class, {@link
 * org.dsrcnn.app.ExplorerApp} builds the window, {@link org.dsrcnn.app.AppServices} is the
 * composition root.
 */
package org.dsrcnn.app;
