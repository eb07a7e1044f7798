package org.dsrcnn.app.explorer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dsrcnn.viewer.charts.ExpertMixChart;
import org.dsrcnn.viewer.charts.ExpertWeightsHeatmap;
import org.dsrcnn.viewer.charts.ScoreSparkline;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The right-hand panel: the image's expert mix, the proposal x expert weight heat map (linked to
 * the selection both ways), and the selected proposal's score per stage. "Pin" keeps the shown
 * image's weights; other images then show their difference to them (see {@link DpgComparison}).
 */
final class DpgPanel extends VBox {

    final ExpertMixChart mix = new ExpertMixChart();
    final ExpertWeightsHeatmap heatmap = new ExpertWeightsHeatmap();
    final ScoreSparkline sparkline = new ScoreSparkline();
    final Label selection = new Label();
    final ToggleButton pin = new ToggleButton("Pin");
    final Label comparison = new Label();

    DpgPanel(ExplorerViewModel vm) {
        setId("dpg-panel");
        setSpacing(6);
        setPadding(new Insets(10));
        setPrefWidth(280);
        setMinWidth(240);

        mix.setId("expert-mix");
        mix.mixProperty().bind(vm.expertMixProperty());
        mix.selectedWeightsProperty().bind(vm.selectedExpertWeightsProperty());

        heatmap.setId("expert-heatmap");
        heatmap.weightsProperty().bind(vm.expertWeightsProperty());
        heatmap.selectedProposalProperty().bindBidirectional(vm.selectedProposalProperty());
        heatmap.referenceProperty().bind(vm.pinnedExpertWeightsProperty());

        // pin one image's mix, then step through others: their difference to it, on a diverging scale
        pin.setId("dpg-pin");
        pin.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignP.PIN_OUTLINE));
        pin.getStyleClass().addAll("small", "flat");
        pin.setTooltip(new Tooltip("Pin this image's expert weights: other images then show their difference to them"));
        pin.disableProperty().bind(vm.expertWeightsProperty().isNull().and(vm.pinnedDpgProperty().isNull()));
        vm.pinnedDpgProperty().addListener((obs, o, p) -> pin.setSelected(p != null));
        pin.setOnAction(e -> {
            if (pin.isSelected()) {
                vm.pinDpg();
            } else {
                vm.unpinDpg();
            }
            pin.setSelected(vm.pinnedDpgProperty().get() != null);
        });
        comparison.setId("dpg-comparison");
        comparison.setWrapText(true);
        comparison.getStyleClass().add("text-small");
        comparison.textProperty().bind(vm.dpgComparisonProperty());
        comparison.setMaxWidth(Double.MAX_VALUE);
        // A wrapped label in an HBox is given one line's height and ellipsized at narrow widths
        // (the 280 px panel at 900x600); its preferred height for the given width is its minimum.
        comparison.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pin.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip.install(heatmap, new Tooltip("rows = proposals, columns = experts; click a header to sort, a row to select"));
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        heatmap.setMinHeight(40);
        mix.setMinHeight(40);
        sparkline.setMinHeight(30);

        sparkline.setId("score-sparkline");
        sparkline.valuesProperty().bind(vm.selectedScoresProperty());
        sparkline.currentStageProperty().bind(vm.stageProperty());

        javafx.beans.binding.BooleanBinding noTrace = vm.traceProperty().isNull();
        mix.emptyTextProperty().bind(Bindings.when(noTrace).then("no analysed image")
                .otherwise("no DPG experts: this model has static proposals"));
        heatmap.emptyTextProperty().bind(Bindings.when(noTrace).then("").otherwise("no DPG weights"));

        selection.setId("selection-text");
        selection.setWrapText(true);
        selection.textProperty().bind(Bindings.when(vm.selectionTextProperty().isEmpty())
                .then("no proposal selected: click a box or a heat-map row")
                .otherwise(vm.selectionTextProperty()));
        selection.getStyleClass().add("text-small");

        getChildren().addAll(
                title("Expert mix (DPG)", new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignA.ACCOUNT_GROUP_OUTLINE)),
                mix,
                weightsTitle(),
                pinRow(),
                heatmap,
                title("Selected proposal", new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignC.CHART_LINE_VARIANT)),
                selection,
                sparkline);
    }

    /** The pin button and, next to it, what the comparison says. */
    private HBox pinRow() {
        HBox.setHgrow(comparison, Priority.ALWAYS);
        HBox row = new HBox(6, pin, comparison);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /** "Expert weights (Np × Ne)", or "Δ to pinned (±0.08)" while a difference is shown. */
    private Label weightsTitle() {
        Label t = title("", new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignT.TABLE_LARGE));
        t.setId("expert-weights-title");
        t.textProperty().bind(Bindings.createStringBinding(() -> {
            double m = heatmap.deltaRangeProperty().get();
            return Double.isNaN(m) ? "Expert weights (Np × Ne)"
                    : String.format(java.util.Locale.ROOT, "Δ to pinned (±%.3f)", m);
        }, heatmap.deltaRangeProperty()));
        return t;
    }

    private static Label title(String text, org.kordamp.ikonli.javafx.FontIcon icon) {
        icon.setIconSize(16);
        Label l = new Label(text, icon);
        l.getStyleClass().addAll("title-4");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }
}
