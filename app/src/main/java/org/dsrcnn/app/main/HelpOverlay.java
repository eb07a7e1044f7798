package org.dsrcnn.app.main;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * The keyboard shortcuts of the shown page and of the window, over a dimmed window; {@code ?} / F1
 * toggles it, Esc or a click closes it.
 */
public final class HelpOverlay extends StackPane {

    private final GridPane grid = new GridPane();
    private final Label title = new Label("Keyboard shortcuts", Icons.of(MaterialDesignK.KEYBOARD_OUTLINE));

    HelpOverlay() {
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        setStyle("-fx-background-color: rgba(0,0,0,0.45);");
        grid.setId("help-grid");
        grid.setHgap(24);
        grid.setVgap(5);
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

    /** Lists a page's shortcuts, then the window's. */
    void show(String pageTitle, java.util.List<KeyBindings.Help> page, java.util.List<KeyBindings.Help> window) {
        grid.getChildren().clear();
        title.setText("Keyboard shortcuts: " + pageTitle);
        int row = 0;
        for (java.util.List<KeyBindings.Help> part : java.util.List.of(page, window)) {
            for (KeyBindings.Help h : part) {
                Label keys = new Label(h.keys());
                keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
                grid.addRow(row++, keys, new Label(h.action()));
            }
            if (part == page && !window.isEmpty()) {
                grid.addRow(row++, new Label(" "));
            }
        }
        setVisible(true);
        toFront();
    }

    void toggle() {
        setVisible(!isVisible());
        if (isVisible()) {
            toFront();
        }
    }
}
