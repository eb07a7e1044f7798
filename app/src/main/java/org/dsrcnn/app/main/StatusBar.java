package org.dsrcnn.app.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dsrcnn.app.session.AnalysisSession;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The window's status bar, shared by the pages: model and provenance, engine and device,
 * inference time per part, the shown page's own line, background progress and cancel.
 */
public final class StatusBar extends HBox {

    final Label model = new Label();
    final Label engine = new Label();
    final Label timings = new Label();
    final Label counts = new Label();
    final ProgressBar progress = new ProgressBar();
    final Label message = new Label();
    final Button cancel = new Button(null, Icons.small(MaterialDesignS.STOP_CIRCLE_OUTLINE));

    private final ObjectProperty<ReadOnlyStringProperty> pageText = new SimpleObjectProperty<>(this, "pageText");

    StatusBar(AnalysisSession vm) {
        setId("status-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default transparent transparent transparent;");

        model.setId("status-model");
        model.setGraphic(Icons.small(MaterialDesignB.BRAIN));
        model.textProperty().bind(vm.modelTextProperty());
        model.setTooltip(new Tooltip());
        model.getTooltip().textProperty().bind(vm.engineDetailProperty());
        model.setMaxWidth(380);
        engine.setId("status-engine");
        engine.setGraphic(Icons.small(MaterialDesignC.CHIP));
        engine.textProperty().bind(vm.engineTextProperty());
        engine.setTooltip(new Tooltip());
        engine.getTooltip().textProperty().bind(vm.engineDetailProperty());
        timings.setId("status-timings");
        timings.setGraphic(Icons.small(MaterialDesignT.TIMER_OUTLINE));
        timings.textProperty().bind(vm.timingsTextProperty());
        timings.setTooltip(new Tooltip());
        timings.getTooltip().textProperty().bind(Bindings.concat("inference time per part, ms:\n",
                vm.timingsDetailProperty()));
        counts.setId("status-counts");
        pageText.addListener((obs, o, text) -> {
            counts.textProperty().unbind();
            if (text == null) {
                counts.setText("");
            } else {
                counts.textProperty().bind(text);
            }
        });

        progress.setId("status-progress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(vm.executor().progressProperty());
        progress.visibleProperty().bind(vm.executor().busyProperty());
        message.setId("status-message");
        message.textProperty().bind(vm.executor().messageProperty());
        message.visibleProperty().bind(vm.executor().busyProperty());
        cancel.setId("cancel-button");
        cancel.setTooltip(new Tooltip("Cancel the running work"));
        cancel.getStyleClass().addAll("button-icon", "flat");
        cancel.visibleProperty().bind(vm.executor().busyProperty());
        cancel.setOnAction(e -> vm.cancel());

        for (Label l : new Label[] {model, engine, timings, counts}) {
            l.setMinWidth(60);
            l.getStyleClass().add("text-small");
        }
        counts.setMinWidth(Region.USE_PREF_SIZE);
        message.getStyleClass().add("text-small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(model, sep(), engine, sep(), timings, sep(), counts, spacer, message, progress, cancel);
    }

    /** The shown page's status line. */
    ObjectProperty<ReadOnlyStringProperty> pageTextProperty() {
        return pageText;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
