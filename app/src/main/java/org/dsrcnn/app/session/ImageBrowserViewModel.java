package org.dsrcnn.app.session;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dsrcnn.app.service.AnnotatedImages;
import org.dsrcnn.app.service.DatasetReader;
import org.dsrcnn.app.service.ImageLibrary;
import org.dsrcnn.app.service.RecentItems;
import org.dsrcnn.app.service.TaskExecutor;

/**
 * What is being browsed: the images of a folder, of a single file's folder, or of a COCO dataset
 * (then with its ground truth), the current one, and the recent items. Listing runs on the task
 * executor; moving between images is immediate (the explorer view-model reacts to
 * {@link #currentIndexProperty()}).
 */
public final class ImageBrowserViewModel {

    private final ImageLibrary library;
    private final DatasetReader datasets;
    private final TaskExecutor executor;
    private final RecentItems recent;
    private final Notices notices;

    private final ObservableList<Path> images = FXCollections.observableArrayList();
    private final IntegerProperty currentIndex = new SimpleIntegerProperty(this, "currentIndex", -1);
    private final ReadOnlyStringWrapper nothingToShow = new ReadOnlyStringWrapper(this, "nothingToShow", "");
    private Notice openNotice;
    private final ReadOnlyStringWrapper sourceName = new ReadOnlyStringWrapper(this, "sourceName", "");
    private final ReadOnlyObjectWrapper<AnnotatedImages> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");

    /**
     * @param datasets reads annotated datasets, or null when this build cannot
     */
    public ImageBrowserViewModel(
            ImageLibrary library, DatasetReader datasets, TaskExecutor executor, RecentItems recent, Notices notices) {
        this.library = library;
        this.datasets = datasets;
        this.executor = executor;
        this.recent = recent;
        this.notices = notices;
    }

    /** Lists a folder's images and shows the first. */
    public void openFolder(Path folder) {
        executor.submit("Reading folder " + folder.getFileName(), p -> library.listImages(folder), list -> {
            if (list.isEmpty()) {
                nothing(notices.warn("no images (png, jpg, bmp, gif) in " + folder));
                return;
            }
            recent.add(RecentItems.Kind.FOLDER, folder);
            show(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(), list, 0, null);
        }, e -> nothing(notices.error(Notices.message(e))));
    }

    /**
     * Shows one file; its folder becomes the browsed list. A file the library does not list (an
     * unsupported type) is shown alone, so the reader can say what is wrong with it.
     */
    public void openFile(Path file) {
        Path abs = file.toAbsolutePath();
        Path folder = abs.getParent();
        executor.submit("Reading folder " + folder.getFileName(), p -> library.listImages(folder), list -> {
            recent.add(RecentItems.Kind.FILE, abs);
            int index = list.indexOf(abs);
            if (index < 0) {
                show(abs.getFileName().toString(), List.of(abs), 0, null);
            } else {
                show(folder.getFileName().toString(), list, index, null);
            }
        }, e -> nothing(notices.error(Notices.message(e))));
    }

    /** Reads an annotated dataset (its annotation file) and shows its first image with its GT. */
    public void openDataset(Path annotationFile) {
        if (datasets == null) {
            notices.warn("this build cannot read datasets");
            return;
        }
        executor.submit("Reading dataset " + annotationFile.getFileName(), p -> datasets.read(annotationFile), d -> {
            if (d.images().isEmpty()) {
                nothing(notices.warn("dataset " + annotationFile.getFileName() + " has no readable images"));
                return;
            }
            recent.add(RecentItems.Kind.DATASET, annotationFile);
            show(d.name(), d.images(), 0, d);
            if (d.problems().isEmpty()) {
                notices.info(d.images().size() + " images with ground truth from " + annotationFile.getFileName());
            } else {
                notices.warn(d.images().size() + " images; " + d.problems());
            }
        }, e -> nothing(notices.error("cannot open dataset " + annotationFile.getFileName() + ": "
                + Notices.message(e))));
    }

    /** An open that gave nothing to show: say why where the image would be (see {@link #nothingToShowProperty}). */
    private void nothing(Notice notice) {
        openNotice = notice;
        nothingToShow.set(notice.text());
    }

    /** True when datasets can be opened. */
    public boolean datasetsSupported() {
        return datasets != null;
    }

    private void show(String name, List<Path> list, int index, AnnotatedImages annotated) {
        notices.dismiss(openNotice); // an earlier failed open is not news over this list
        openNotice = null;
        nothingToShow.set("");
        sourceName.set(name);
        currentIndex.set(-1);
        dataset.set(annotated);
        images.setAll(list);
        currentIndex.set(index);
    }

    /** Shows image i of the list. */
    public void select(int i) {
        if (i >= 0 && i < images.size()) {
            currentIndex.set(i);
        }
    }

    /** Next image (wraps). */
    public void next() {
        if (!images.isEmpty()) {
            currentIndex.set((currentIndex.get() + 1) % images.size());
        }
    }

    /** Previous image (wraps). */
    public void previous() {
        if (!images.isEmpty()) {
            currentIndex.set(Math.floorMod(currentIndex.get() - 1, images.size()));
        }
    }

    /** The image files being browsed. */
    public ObservableList<Path> images() {
        return images;
    }

    /** Index of the current image in {@link #images()}, or -1. */
    public IntegerProperty currentIndexProperty() {
        return currentIndex;
    }

    /** The folder or dataset name shown above the thumbnails. */
    public ReadOnlyStringProperty sourceNameProperty() {
        return sourceName.getReadOnlyProperty();
    }

    /** The open dataset, or null when browsing a folder. */
    public ReadOnlyObjectProperty<AnnotatedImages> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /**
     * Why the last open gave nothing to show (an empty folder, a broken dataset, a missing path);
     * empty once a list is shown. The canvas says it when no image is on it.
     */
    public ReadOnlyStringProperty nothingToShowProperty() {
        return nothingToShow.getReadOnlyProperty();
    }

    public RecentItems recent() {
        return recent;
    }
}
