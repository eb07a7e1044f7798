/**
 * The main window: hosts the pages (as AtlantaFX's sampler hosts its pages), one shared status
 * bar and notification bar, the page's key bindings (active only while the page is shown) and the
 * help overlay that lists them. Also the dialogs seam ({@link org.dsrcnn.app.main.DialogService}).
 */
package org.dsrcnn.app.main;
