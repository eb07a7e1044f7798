package org.dsrcnn.app.training;

import java.util.List;

/**
 * One chart of the Training page: a title and the metric column it plots. A stage-dependent card
 * ({@code %d} in the column) follows the page's stage selector.
 *
 * @param title shown above the chart
 * @param column the metric column ({@link RunColumns}), {@code %d} standing for the stage 1..6
 * @param eval true when the column is in the eval records
 */
public record MetricCard(String title, String column, boolean eval) {

    /** The column for stage {@code stage}. */
    public String column(int stage) {
        return column.contains("%d") ? String.format(java.util.Locale.ROOT, column, stage) : column;
    }

    /** The title for stage {@code stage}. */
    public String title(int stage) {
        return title.contains("%d") ? String.format(java.util.Locale.ROOT, title, stage) : title;
    }

    /**
     * The page's cards, in TensorBoard's habit of the headline numbers first: the total loss and
     * the validation AP, then each stage's three losses, the assignment (positives and mean k* per
     * stage: what OTA users ask for), the schedule, the speed, and the DPG statistics.
     */
    public static final List<MetricCard> ALL = List.of(
            new MetricCard("total loss", "total", false),
            new MetricCard("val AP", "eval.AP", true),
            new MetricCard("val AP50", "eval.AP50", true),
            new MetricCard("stage %d cls (focal)", "s%d.cls", false),
            new MetricCard("stage %d L1", "s%d.l1", false),
            new MetricCard("stage %d GIoU", "s%d.giou", false),
            new MetricCard("positives, stage %d", "positives.s%d", false),
            new MetricCard("mean k*, stage %d", "k_star.s%d", false),
            new MetricCard("learning rate", "lr", false),
            new MetricCard("DPG temperature tau", "tau", false),
            new MetricCard("images/s", "images_per_s", false),
            new MetricCard("gradient norm", "grad_norm", false),
            new MetricCard("DPG expert-weight entropy", "dpg_entropy", false),
            new MetricCard("DPG largest expert weight", "dpg_max_weight", false),
            new MetricCard("DPG weights between images (TV)", "dpg_pairwise_tv", false));
}
