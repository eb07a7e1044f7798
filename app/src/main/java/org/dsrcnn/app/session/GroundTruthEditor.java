package org.dsrcnn.app.session;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dsrcnn.viewer.canvas.BoxEditTarget;
import org.dsrcnn.viewer.canvas.BoxHandles;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * The current image's ground-truth boxes as the user edits them (labelImg / CVAT style): add,
 * move, resize, nudge, relabel, delete, each one undo step; a drag previews without history and
 * commits once at the end. Edits are kept per image for the session, so going to another image and
 * back loses nothing. Boxes are xyxy in original-image pixels, labels index the model's classes.
 * FX thread.
 */
public final class GroundTruthEditor implements BoxEditTarget {

    /** One image's boxes and history. */
    private static final class ImageEdits {
        List<float[]> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        final Deque<State> undo = new ArrayDeque<>();
        final Deque<State> redo = new ArrayDeque<>();
        double width;
        double height;
    }

    /** A snapshot of the boxes (the states before and after an edit). */
    private record State(List<float[]> boxes, List<Integer> labels, int selected) {}

    private final Map<Path, ImageEdits> edits = new HashMap<>();
    private ImageEdits current = new ImageEdits();
    private final ReadOnlyObjectWrapper<LabeledBoxes> boxes =
            new ReadOnlyObjectWrapper<>(this, "boxes", LabeledBoxes.EMPTY);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ObjectProperty<float[]> drawing = new SimpleObjectProperty<>(this, "drawing");
    private final IntegerProperty newLabel = new SimpleIntegerProperty(this, "newLabel", 0);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private final ReadOnlyBooleanWrapper dragging = new ReadOnlyBooleanWrapper(this, "dragging", false);

    /**
     * Shows an image's boxes: its earlier edits in this session (when the user changed anything),
     * else {@code initial} (a dataset's GT, or none).
     *
     * @param width image width (boxes are kept inside it)
     * @param height image height
     */
    public void showImage(Path image, LabeledBoxes initial, double width, double height) {
        ImageEdits e = edits.get(image);
        if (e == null || e.undo.isEmpty() && e.redo.isEmpty()) {
            e = new ImageEdits();
            for (int i = 0; i < initial.size(); i++) {
                e.boxes.add(initial.boxes()[i].clone());
                e.labels.add(initial.labels()[i]);
            }
            if (image != null) {
                edits.put(image, e);
            }
        }
        e.width = width;
        e.height = height;
        current = e;
        selected.set(-1);
        drawing.set(null);
        publish();
    }

    // ---- edits (one undo step each) ---------------------------------------------------------

    /** Adds a box of class {@code label}; it becomes the selection. */
    public void add(float[] box, int label) {
        State before = state();
        current.boxes.add(BoxHandles.clamp(box, current.width, current.height));
        current.labels.add(label);
        record(before, current.boxes.size() - 1);
    }

    /** Deletes box i. */
    public void remove(int i) {
        if (!valid(i)) {
            return;
        }
        State before = state();
        current.boxes.remove(i);
        current.labels.remove(i);
        record(before, -1);
    }

    /** Sets box i's class. */
    public void setLabel(int i, int label) {
        if (!valid(i) || current.labels.get(i) == label) {
            return;
        }
        State before = state();
        current.labels.set(i, label);
        record(before, i);
    }

    /** Moves box i by (dx, dy) image px, kept inside the image. */
    public void nudge(int i, double dx, double dy) {
        if (!valid(i)) {
            return;
        }
        State before = state();
        current.boxes.set(i, BoxHandles.move(current.boxes.get(i), dx, dy, current.width, current.height));
        record(before, i);
    }

    /** Replaces every box (e.g. loaded from a file): one undo step. */
    public void replaceAll(LabeledBoxes all) {
        State before = state();
        current.boxes = new ArrayList<>();
        current.labels = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            current.boxes.add(all.boxes()[i].clone());
            current.labels.add(all.labels()[i]);
        }
        record(before, -1);
    }

    /** Undoes the last edit of this image. */
    public void undo() {
        if (current.undo.isEmpty()) {
            return;
        }
        current.redo.push(state());
        restore(current.undo.pop());
    }

    /** Redoes the last undone edit of this image. */
    public void redo() {
        if (current.redo.isEmpty()) {
            return;
        }
        current.undo.push(state());
        restore(current.redo.pop());
    }

    // ---- BoxEditTarget (the canvas's box tool) ------------------------------------------------

    @Override
    public float[][] boxes() {
        return current.boxes.toArray(new float[0][]);
    }

    @Override
    public int selected() {
        return selected.get();
    }

    @Override
    public void select(int index) {
        selected.set(valid(index) ? index : -1);
    }

    @Override
    public void preview(int index, float[] box) {
        if (valid(index)) {
            current.boxes.set(index, box.clone());
            dragging.set(true);
            publish();
        }
    }

    @Override
    public void commitMove(int index, float[] before, float[] after) {
        if (!valid(index)) {
            return;
        }
        current.boxes.set(index, before.clone());
        State was = state();
        current.boxes.set(index, after.clone());
        dragging.set(false);
        record(was, index);
    }

    @Override
    public void previewNew(float[] box) {
        drawing.set(box == null ? null : box.clone());
    }

    @Override
    public void create(float[] box) {
        add(box, newLabel.get());
    }

    @Override
    public double[] imageSize() {
        return new double[] {current.width, current.height};
    }

    /** Ends a drag that was cancelled (the box is back where it was). */
    public void dragCancelled() {
        dragging.set(false);
        publish();
    }

    // ---- state ------------------------------------------------------------------------------

    private boolean valid(int i) {
        return i >= 0 && i < current.boxes.size();
    }

    private State state() {
        List<float[]> copy = new ArrayList<>();
        for (float[] b : current.boxes) {
            copy.add(b.clone());
        }
        return new State(copy, new ArrayList<>(current.labels), selected.get());
    }

    private void record(State before, int select) {
        current.undo.push(before);
        current.redo.clear();
        selected.set(select);
        publish();
    }

    private void restore(State s) {
        current.boxes = new ArrayList<>(s.boxes());
        current.labels = new ArrayList<>(s.labels());
        selected.set(valid(s.selected()) ? s.selected() : -1);
        publish();
    }

    private void publish() {
        float[][] b = new float[current.boxes.size()][];
        int[] l = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = current.boxes.get(i).clone();
            l[i] = current.labels.get(i);
        }
        boxes.set(new LabeledBoxes(b, l));
        canUndo.set(!current.undo.isEmpty());
        canRedo.set(!current.redo.isEmpty());
        revision.set(revision.get() + 1);
    }

    /** The boxes as they are now (a new object after every change, previews included). */
    public ReadOnlyObjectProperty<LabeledBoxes> boxesProperty() {
        return boxes.getReadOnlyProperty();
    }

    /** The selected box, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The box being drawn, or null. */
    public ObjectProperty<float[]> drawingProperty() {
        return drawing;
    }

    /** The class given to the next drawn box. */
    public IntegerProperty newLabelProperty() {
        return newLabel;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while a box is being moved or resized (previews not yet committed). */
    public ReadOnlyBooleanProperty draggingProperty() {
        return dragging.getReadOnlyProperty();
    }

    /** Increases with every change of the boxes, previews included. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Number of boxes. */
    public int size() {
        return current.boxes.size();
    }
}
