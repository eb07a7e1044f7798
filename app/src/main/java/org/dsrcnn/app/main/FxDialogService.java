package org.dsrcnn.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX's native choosers, remembering the last folder. */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private File lastFolder;

    public FxDialogService(Window owner, Path startFolder) {
        this.owner = owner;
        this.lastFolder = startFolder == null ? null : startFolder.toFile();
    }

    @Override
    public Optional<Path> openFile(String title, String filterName, String... extensions) {
        FileChooser chooser = chooser(title, filterName, extensions);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> openFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showDialog(owner);
        if (f != null) {
            lastFolder = f;
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, String filterName, String... extensions) {
        FileChooser chooser = chooser(title, filterName, extensions);
        chooser.setInitialFileName(initialName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public boolean confirm(String title, String question) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
    }

    private FileChooser chooser(String title, String filterName, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (extensions.length > 0) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName,
                    Arrays.stream(extensions).map(e -> "*." + e).toList()));
        }
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }
}
