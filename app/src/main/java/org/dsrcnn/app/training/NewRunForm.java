package org.dsrcnn.app.training;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dsrcnn.app.main.DialogService;
import org.dsrcnn.app.main.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The New run form (layout and reading the fields; the rules are {@link NewRunSpec}'s): every
 * field validated as it changes, the reason shown under the field, and the exact command line
 * that Launch will run, selectable and copyable.
 */
final class NewRunForm extends VBox {
    final TextField name = new TextField();
    final TextField dataset = new TextField();
    final Spinner<Integer> shapesCount = new Spinner<>(10, 100_000, 200, 100);
    final Spinner<Integer> shapesSeed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    final ComboBox<String> preset = new ComboBox<>();
    final ComboBox<NewRunSpec.Matcher> matcher = new ComboBox<>();
    final Spinner<Integer> k = new Spinner<>(1, 100, 3);
    final Spinner<Integer> q = new Spinner<>(1, 100, 8);
    final CheckBox unitIncreasing = new CheckBox("unit increasing (Eq. 2)");
    final CheckBox dpg = new CheckBox("dynamic proposals (DPG)");
    final TextField iterations = new TextField("2000");
    final TextField batch = new TextField("8");
    final TextField lr = new TextField("1e-4");
    final TextField size = new TextField("256");
    final TextField evalInterval = new TextField("250");
    final TextField evalImages = new TextField("100");
    final TextField command = new TextField();
    final Button launch = new Button("Launch", Icons.small(MaterialDesignP.PLAY));
    final Button generate = new Button("Generate shapes");
    private final Map<String, Label> errors = new HashMap<>();
    private final TrainingViewModel vm;
    /** The command line and Launch, kept in view under the (scrolling) fields. */
    final VBox footer;

    NewRunForm(TrainingViewModel vm, DialogService dialogs) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(6));
        getStyleClass().add("new-run-form");
        name.setId("run-name");
        dataset.setId("run-dataset");
        launch.setId("run-launch");
        generate.setId("run-generate");
        command.setId("run-command");
        iterations.setId("run-iterations");
        batch.setId("run-batch");
        size.setId("run-size");
        evalInterval.setId("run-eval");
        lr.setId("run-lr");
        preset.getItems().setAll(NewRunSpec.PRESETS);
        preset.getSelectionModel().select("small");
        matcher.getItems().setAll(NewRunSpec.Matcher.values());
        matcher.getSelectionModel().select(NewRunSpec.Matcher.OTA_DYNAMIC);
        unitIncreasing.setSelected(true);
        dpg.setSelected(true);
        k.setEditable(true);
        q.setEditable(true);
        shapesCount.setEditable(true);
        shapesSeed.setEditable(true);
        k.disableProperty().bind(matcher.valueProperty().isNotEqualTo(NewRunSpec.Matcher.OTA_FIXED));
        q.disableProperty().bind(matcher.valueProperty().isNotEqualTo(NewRunSpec.Matcher.OTA_DYNAMIC));
        unitIncreasing.disableProperty().bind(matcher.valueProperty().isEqualTo(NewRunSpec.Matcher.HUNGARIAN));
        name.setText("run-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("MMdd-HHmm")));

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(80);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(120);
        grid.getColumnConstraints().setAll(labels, fields);
        Button browse = new Button("…");
        browse.setOnAction(e -> dialogs.openFolder("Dataset (COCO folder)").ifPresent(p -> dataset.setText(p.toString())));
        HBox datasetRow = new HBox(4, dataset, browse);
        HBox.setHgrow(dataset, Priority.ALWAYS);
        shapesCount.setPrefWidth(90);
        shapesSeed.setPrefWidth(70);
        javafx.scene.layout.FlowPane shapesRow = new javafx.scene.layout.FlowPane(4, 4, generate,
                new HBox(4, new Label("images"), shapesCount, new Label("seed"), shapesSeed));
        shapesRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        generate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        int r = 0;
        r = row(grid, r, "Run name", name, NewRunSpec.NAME_FIELD);
        r = row(grid, r, "Dataset", datasetRow, NewRunSpec.DATASET_FIELD);
        r = row(grid, r, "", shapesRow, null);
        r = row(grid, r, "Preset", preset, NewRunSpec.PRESET_FIELD);
        r = row(grid, r, "Matcher", matcher, null);
        HBox kq = new HBox(6, new Label("k"), k, new Label("q"), q);
        kq.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        k.setPrefWidth(70);
        q.setPrefWidth(70);
        r = row(grid, r, "", kq, NewRunSpec.K_FIELD);
        errors.put(NewRunSpec.Q_FIELD, errors.get(NewRunSpec.K_FIELD));
        r = row(grid, r, "", new HBox(10, unitIncreasing, dpg), null);
        r = row(grid, r, "Iterations", iterations, NewRunSpec.ITERATIONS_FIELD);
        r = row(grid, r, "Batch size", batch, NewRunSpec.BATCH_FIELD);
        r = row(grid, r, "Learning rate", lr, NewRunSpec.LR_FIELD);
        r = row(grid, r, "Image size", size, NewRunSpec.SIZE_FIELD);
        HBox evalRow = new HBox(6, evalInterval, new Label("images"), evalImages);
        evalRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        evalInterval.setPrefWidth(80);
        evalImages.setPrefWidth(70);
        r = row(grid, r, "Evaluate every", evalRow, NewRunSpec.EVAL_FIELD);

        command.setEditable(false);
        command.getStyleClass().add("command-line");
        Button copy = new Button("", Icons.small(MaterialDesignC.CONTENT_COPY));
        copy.setTooltip(new javafx.scene.control.Tooltip("Copy the command line"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox commandRow = new HBox(4, command, copy);
        HBox.setHgrow(command, Priority.ALWAYS);
        getChildren().add(grid);
        footer = new VBox(4, new Label("Command line:"), commandRow, launch);
        footer.setPadding(new Insets(0, 6, 0, 6));

        javafx.beans.InvalidationListener revalidate = o -> revalidate();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {name.textProperty(), dataset.textProperty(),
                preset.valueProperty(), matcher.valueProperty(), k.valueProperty(), q.valueProperty(),
                unitIncreasing.selectedProperty(), dpg.selectedProperty(), iterations.textProperty(),
                batch.textProperty(), lr.textProperty(), size.textProperty(), evalInterval.textProperty(),
                evalImages.textProperty(), vm.runsFolderProperty()}) {
            o.addListener(revalidate);
        }
        revalidate();
    }

    private int row(GridPane grid, int r, String label, javafx.scene.Node field, String key) {
        grid.add(new Label(label), 0, r);
        grid.add(field, 1, r);
        if (key == null) {
            return r + 1;
        }
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId("error-" + key);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        errors.put(key, error);
        grid.add(error, 1, r + 1);
        return r + 2;
    }

    /** The spec the fields describe now (numbers that do not parse become invalid values). */
    NewRunSpec spec() {
        String data = dataset.getText().trim();
        return new NewRunSpec(name.getText().trim(), data.isEmpty() ? null : Path.of(data), preset.getValue(),
                matcher.getValue(), k.getValue(), q.getValue(), unitIncreasing.isSelected(), dpg.isSelected(),
                parseInt(iterations.getText()), parseInt(batch.getText()), parseDouble(lr.getText()),
                parseInt(size.getText()), parseInt(evalInterval.getText()), Math.max(0, parseInt(evalImages.getText())));
    }

    /** Shows each field's problem and the command line; returns true when the spec is valid. */
    boolean revalidate() {
        NewRunSpec spec = spec();
        Map<String, String> problems = new java.util.LinkedHashMap<>(spec.validate(vm.runsFolderProperty().get()));
        notANumber(problems, NewRunSpec.ITERATIONS_FIELD, iterations, false);
        notANumber(problems, NewRunSpec.BATCH_FIELD, batch, false);
        notANumber(problems, NewRunSpec.LR_FIELD, lr, true);
        notANumber(problems, NewRunSpec.SIZE_FIELD, size, false);
        notANumber(problems, NewRunSpec.EVAL_FIELD, evalInterval, false);
        notANumber(problems, NewRunSpec.EVAL_FIELD, evalImages, false);
        errors.values().forEach(l -> l.setText(""));
        problems.forEach((field, text) -> {
            Label l = errors.get(field);
            if (l != null) {
                l.setText(text);
            }
        });
        command.setText(problems.isEmpty() ? vm.commandLine(spec) : "(fix the fields marked in red)");
        launch.setDisable(!problems.isEmpty());
        return problems.isEmpty();
    }

    private static void notANumber(Map<String, String> problems, String key, TextField field, boolean decimal) {
        String text = field.getText().trim();
        boolean ok = decimal ? !Double.isNaN(parseDouble(text)) : parseInt(text) != Integer.MIN_VALUE;
        if (!ok) {
            problems.put(key, "'" + text + "' is not " + (decimal ? "a number" : "a whole number"));
        }
    }

    /** Shows problems returned by a launch attempt. */
    void show(Map<String, String> problems) {
        problems.forEach((field, text) -> {
            Label l = errors.get(field);
            if (l != null) {
                l.setText(text);
            }
        });
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE; // "not a number": every range check rejects it
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
