package org.dsrcnn.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HeadlessFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ExplorerApp().start(stage);
    }

    @Test
    void windowOpensHeadless() {
        assertTrue(stage.isShowing());
    }
}
