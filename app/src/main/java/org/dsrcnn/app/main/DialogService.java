package org.dsrcnn.app.main;

import java.nio.file.Path;
import java.util.Optional;

/** File and folder choosers behind an interface, so tests can answer them (JabRef's DialogService). */
public interface DialogService {

    /** An existing file to open. */
    Optional<Path> openFile(String title, String filterName, String... extensions);

    /** An existing folder. */
    Optional<Path> openFolder(String title);

    /** A file to write, suggested name {@code initialName}. */
    Optional<Path> saveFile(String title, String initialName, String filterName, String... extensions);

    /** Asks a yes/no question before something that cannot be undone; true for yes. */
    boolean confirm(String title, String question);
}
