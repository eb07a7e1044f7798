package org.dsrcnn.viewer.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives {@link BoxEditTool} on a real canvas with a robot: draw, select, move, resize, cancel. */
@ExtendWith(ApplicationExtension.class)
class BoxEditToolTest {

    /** An in-memory target that records what the tool asked for. */
    static final class Target implements BoxEditTarget {
        final List<float[]> boxes = new ArrayList<>();
        int selected = -1;
        float[] drawing;
        final List<String> log = new ArrayList<>();

        @Override
        public float[][] boxes() {
            return boxes.toArray(new float[0][]);
        }

        @Override
        public int selected() {
            return selected;
        }

        @Override
        public void select(int index) {
            selected = index;
        }

        @Override
        public void preview(int index, float[] box) {
            boxes.set(index, box.clone());
        }

        @Override
        public void commitMove(int index, float[] before, float[] after) {
            boxes.set(index, after.clone());
            log.add("move " + index);
        }

        @Override
        public void previewNew(float[] box) {
            drawing = box;
        }

        @Override
        public void create(float[] box) {
            boxes.add(box.clone());
            selected = boxes.size() - 1;
            log.add("create");
        }

        @Override
        public double[] imageSize() {
            return new double[] {200, 100};
        }
    }

    private DetectionCanvas canvas;
    private Target target;
    private BoxEditTool tool;

    @Start
    void start(Stage stage) {
        canvas = new DetectionCanvas();
        canvas.imageProperty().set(new WritableImage(200, 100));
        target = new Target();
        tool = new BoxEditTool(target);
        canvas.toolProperty().set(tool);
        stage.setScene(new Scene(new StackPane(canvas), 400, 200));
        stage.show();
    }

    private Point2D at(double x, double y) {
        ViewTransform t = canvas.viewTransform();
        return canvas.localToScreen(t.toViewX(x), t.toViewY(y));
    }

    private void drag(FxRobot robot, double x1, double y1, double x2, double y2) {
        robot.moveTo(at(x1, y1)).press(MouseButton.PRIMARY).moveTo(at((x1 + x2) / 2, (y1 + y2) / 2))
                .moveTo(at(x2, y2)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void drawSelectMoveAndResize(FxRobot robot) {
        tool.drawModeProperty().set(true);
        drag(robot, 20, 20, 60, 50);
        assertEquals(List.of("create"), target.log);
        assertEquals(1, target.boxes.size());
        float[] drawn = target.boxes.get(0);
        // the view scale is 1.76: a screen pixel is 0.57 image px
        assertArrayEquals(new float[] {20, 20, 60, 50}, drawn, 1.2f);
        assertFalse(tool.drawModeProperty().get(), "draw mode ends with the box");
        assertNull(target.drawing);

        // drag the middle of the box: moves it by (+30, +10)
        drag(robot, 40, 35, 70, 45);
        assertEquals("move 0", target.log.get(1));
        float[] moved = target.boxes.get(0);
        assertEquals(drawn[2] - drawn[0], moved[2] - moved[0], 1e-3, "same width");
        assertEquals(drawn[0] + 30, moved[0], 1.2);
        assertEquals(drawn[1] + 10, moved[1], 1.2);

        // the bottom-right handle to (120, 90)
        drag(robot, moved[2], moved[3], 120, 90);
        float[] resized = target.boxes.get(0);
        assertEquals(moved[0], resized[0], 1e-3, "x1 stays");
        assertEquals(moved[1], resized[1], 1e-3, "y1 stays");
        assertEquals(120, resized[2], 1.2);
        assertEquals(90, resized[3], 1.2);

        // a click on empty space clears the selection
        robot.clickOn(at(190, 10), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, target.selected);
    }

    @Test
    void escapeDuringADragPutsTheBoxBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            target.boxes.add(new float[] {20, 20, 60, 50});
            target.selected = 0;
        }).get();
        robot.moveTo(at(40, 35)).press(MouseButton.PRIMARY).moveTo(at(80, 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(target.boxes.get(0)[0] > 40, "previewed while dragging");
        boolean cancelled = WaitForAsyncUtils.asyncFx(() -> tool.cancel(canvas)).get();
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cancelled);
        assertArrayEquals(new float[] {20, 20, 60, 50}, target.boxes.get(0));
        assertTrue(target.log.isEmpty(), "no undo step: " + target.log);
    }
}
