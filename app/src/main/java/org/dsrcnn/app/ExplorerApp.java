package org.dsrcnn.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** PLACEHOLDER main window; replaced by the explorer. */
public final class ExplorerApp extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Dynamic Sparse R-CNN Explorer"));
        stage.setScene(new Scene(root, 1280, 800));
        stage.setTitle("Dynamic Sparse R-CNN Explorer");
        stage.show();
    }
}
