package org.dsrcnn.viewer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the canvas with a robot: click selects, wheel zooms at the cursor, stage redraws. */
@ExtendWith(ApplicationExtension.class)
class DetectionCanvasTest {

    private DetectionCanvas canvas;
    private final DetectionTrace trace = OverlayRendererTest.trace();

    @Start
    void start(Stage stage) {
        canvas = new DetectionCanvas();
        // a blank 200x100 image so the canvas fits the trace's image size: scale = min(376/200, 176/100)
        canvas.imageProperty().set(new WritableImage(200, 100));
        canvas.traceProperty().set(trace);
        canvas.detectionsProperty().set(trace.detections());
        canvas.stageProperty().set(2);
        stage.setScene(new Scene(new StackPane(canvas), 400, 200));
        stage.show();
    }

    private Point2D screenOf(FxRobot robot, double imageX, double imageY) {
        ViewTransform t = canvas.viewTransform();
        return canvas.localToScreen(t.toViewX(imageX), t.toViewY(imageY));
    }

    @Test
    void fitsTheImageAtStart() {
        // view 400x200, margin 12: scale = min(376/200, 176/100) = 1.76
        assertEquals(1.76, canvas.viewTransform().scale(), 1e-9);
    }

    @Test
    void clickingADetectionSelectsItsProposal(FxRobot robot) {
        robot.clickOn(screenOf(robot, 130, 30), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, canvas.selectedProposalProperty().get());
        assertEquals(3, canvas.getLastFrame().selectedBoxes());
        // empty space: no box there with only detections shown -> selection cleared
        robot.clickOn(screenOf(robot, 180, 90), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, canvas.selectedProposalProperty().get());
    }

    @Test
    void hoveringReportsTheProposalUnderTheMouse(FxRobot robot) {
        robot.moveTo(screenOf(robot, 130, 30));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, canvas.hoveredProposalProperty().get());
        robot.moveTo(screenOf(robot, 180, 90));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, canvas.hoveredProposalProperty().get());
    }

    @Test
    void stageBoxesAreClickableWhenShown(FxRobot robot) {
        robot.interact(() -> {
            canvas.showStageBoxesProperty().set(true);
            canvas.stageProperty().set(0);
        });
        robot.clickOn(screenOf(robot, 30, 75), MouseButton.PRIMARY); // proposal 1's box
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, canvas.selectedProposalProperty().get());
        assertEquals(0, canvas.getLastFrame().stage());
        assertEquals(2, canvas.getLastFrame().stageBoxes());
    }

    @Test
    void wheelZoomKeepsThePointUnderTheCursor(FxRobot robot) {
        ViewTransform t = canvas.viewTransform();
        double before = t.scale();
        Point2D p = screenOf(robot, 50, 40);
        robot.moveTo(p);
        robot.scroll(1, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Math.abs(t.scale() - before) > 1e-6, "scale changed");
        Point2D local = canvas.screenToLocal(p);
        assertEquals(50, t.toImageX(local.getX()), 0.5);
        assertEquals(40, t.toImageY(local.getY()), 0.5);
    }
}
