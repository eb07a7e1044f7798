package org.dsrcnn.app.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/** The keyboard shortcuts over a dimmed window; {@code ?} / F1 toggles it, Esc or a click closes it. */
final class HelpOverlay extends StackPane {

    HelpOverlay() {
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        setStyle("-fx-background-color: rgba(0,0,0,0.45);");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        Label title = new Label("Keyboard shortcuts", Icons.of(MaterialDesignK.KEYBOARD_OUTLINE));
        title.getStyleClass().add("title-3");
        Label hint = new Label("Esc or click to close");
        hint.getStyleClass().add("text-muted");
        VBox card = new VBox(14, title, grid, hint);
        card.setPadding(new Insets(22, 28, 22, 28));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.35), 18, 0, 0, 4);");
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    void toggle() {
        setVisible(!isVisible());
        if (isVisible()) {
            toFront();
        }
    }
}
