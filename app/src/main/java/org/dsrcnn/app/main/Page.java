package org.dsrcnn.app.main;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A page of the main window (Explorer, Assignment, Training): its view, its key bindings (active
 * only while it is shown, listed by the help overlay), and a line for the status bar.
 */
public interface Page {

    /** Stable id, e.g. "explorer" (the page button's id is "page-" + id). */
    String id();

    /** Shown on the page button. */
    String title();

    Ikon icon();

    /** The page's layout (built once). */
    Node view();

    /** The page's keyboard shortcuts. */
    KeyBindings keys();

    /** A short page-specific text for the status bar (e.g. "12 shown / 100 detections"). */
    default ReadOnlyStringProperty statusText() {
        return new ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    /** Called after the page became the shown one. */
    default void shown() {}
}
