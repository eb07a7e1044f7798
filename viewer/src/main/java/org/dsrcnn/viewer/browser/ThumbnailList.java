package org.dsrcnn.viewer.browser;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A virtualised vertical list of image thumbnails with their file names. Thumbnails load in the
 * background (JavaFX's own image loader) at thumbnail size, and the last few hundred stay cached;
 * an unreadable file shows "unreadable" instead of a picture. Selection is the list's own.
 */
public final class ThumbnailList extends ListView<Path> {

    /** Thumbnail edge in px. */
    public static final double SIZE = 104;

    private static final int CACHE = 300;

    private final Map<Path, Thumbnail> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Thumbnail> eldest) {
            return size() > CACHE;
        }
    };

    public ThumbnailList() {
        getStyleClass().add("thumbnail-list");
        setPrefWidth(SIZE + 34);
        setCellFactory(v -> new ThumbnailCell());
        setPlaceholder(new Label("no images"));
    }

    /**
     * The thumbnail of an image, filled in later: its header is checked against the engine's pixel
     * limit on a loader thread first (a 20000 x 20000 PNG would otherwise be decoded whole, 1.6 GB,
     * just to be shown at 96 px), then JavaFX decodes it there, scaled.
     */
    Thumbnail thumbnail(Path path) {
        return cache.computeIfAbsent(path, p -> {
            Thumbnail t = new Thumbnail();
            LOADER.execute(() -> {
                Image image = null;
                String reason = null;
                try {
                    org.dsrcnn.engine.data.ImageDecoding.checkHeader(p);
                    image = new Image(p.toUri().toString(), SIZE, SIZE, true, true, false);
                    if (image.isError()) {
                        reason = "unreadable";
                    }
                } catch (org.dsrcnn.engine.data.ImageReadException | RuntimeException e) {
                    reason = e.getMessage();
                }
                Image done = image;
                String why = reason;
                javafx.application.Platform.runLater(() -> {
                    t.image.set(why != null ? null : done);
                    t.reason.set(why);
                    t.failed.set(why != null);
                });
            });
            return t;
        });
    }

    /** A thumbnail that arrives later, or fails (unreadable, or beyond the pixel limit). */
    static final class Thumbnail {
        final javafx.beans.property.ObjectProperty<Image> image = new javafx.beans.property.SimpleObjectProperty<>();
        final javafx.beans.property.BooleanProperty failed = new javafx.beans.property.SimpleBooleanProperty();
        /** Why it failed (one line), or null. */
        final javafx.beans.property.StringProperty reason = new javafx.beans.property.SimpleStringProperty();
    }

    private static final java.util.concurrent.ExecutorService LOADER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "thumbnails");
                t.setDaemon(true);
                return t;
            });

    private final class ThumbnailCell extends ListCell<Path> {
        private final ImageView view = new ImageView();
        private final Label name = new Label();
        private final Label broken = new Label("unreadable");
        private final StackPane frame = new StackPane();
        private final VBox box = new VBox(4, frame, name);

        ThumbnailCell() {
            Rectangle backdrop = new Rectangle(SIZE, SIZE, Color.web("#00000010"));
            frame.getChildren().addAll(backdrop, view, broken);
            frame.setMinSize(SIZE, SIZE);
            broken.setStyle("-fx-text-fill: #cf222e;");
            box.setAlignment(Pos.CENTER);
            name.setMaxWidth(SIZE);
            name.setStyle("-fx-font-size: 11px;");
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Thumbnail t = thumbnail(item);
            view.imageProperty().bind(t.image);
            broken.visibleProperty().bind(t.failed);
            name.setText(item.getFileName().toString());
            setGraphic(box);
            setText(null);
        }
    }
}
