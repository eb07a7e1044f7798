package org.dsrcnn.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 12 standard COCO box numbers (each -1 when nothing was there to measure), in pycocotools'
 * {@code stats} order, plus AP per category.
 *
 * @param ap AP @[IoU=0.50:0.95, area=all, maxDets=100]
 * @param ap50 AP @[IoU=0.50]
 * @param ap75 AP @[IoU=0.75]
 * @param apSmall AP for GT area &lt;= 32^2
 * @param apMedium AP for GT area in [32^2, 96^2]
 * @param apLarge AP for GT area &gt;= 96^2
 * @param ar1 AR with 1 detection per image and category
 * @param ar10 AR with 10
 * @param ar100 AR with 100
 * @param arSmall AR (100) small
 * @param arMedium AR (100) medium
 * @param arLarge AR (100) large
 * @param perCategory one entry per category of the ground truth, in label order
 */
public record CocoMetrics(
        double ap, double ap50, double ap75, double apSmall, double apMedium, double apLarge,
        double ar1, double ar10, double ar100, double arSmall, double arMedium, double arLarge,
        List<CategoryAp> perCategory) {

    /** The names of the 12 numbers, in order; also the keys of {@link #toJson()}. */
    public static final List<String> NAMES =
            List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl");

    /**
     * The numbers of one category (area all, 100 detections), -1 when it has no GT.
     *
     * @param categoryId the ground truth's category id
     * @param name its name
     * @param ap AP @[0.50:0.95]
     * @param ap50 AP @[0.50]
     * @param ap75 AP @[0.75]
     * @param ar100 AR @[0.50:0.95]
     */
    public record CategoryAp(int categoryId, String name, double ap, double ap50, double ap75, double ar100) {}

    public CocoMetrics {
        perCategory = List.copyOf(perCategory);
    }

    /** The 12 numbers in {@link #NAMES} order (pycocotools' {@code stats}). */
    public double[] stats() {
        return new double[] {ap, ap50, ap75, apSmall, apMedium, apLarge, ar1, ar10, ar100, arSmall, arMedium, arLarge};
    }

    /** The 12 numbers by name, in order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        double[] stats = stats();
        for (int i = 0; i < NAMES.size(); i++) {
            map.put(NAMES.get(i), stats[i]);
        }
        return map;
    }

    /** One number by its name in {@link #NAMES}. */
    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no COCO metric '" + name + "'; known: " + NAMES);
        }
        return stats()[i];
    }

    /** The 12 lines exactly as pycocotools' {@code COCOeval.summarize()} prints them. */
    public List<String> summaryLines() {
        double[] s = stats();
        return List.of(
                line(true, null, "all", 100, s[0]),
                line(true, "0.50", "all", 100, s[1]),
                line(true, "0.75", "all", 100, s[2]),
                line(true, null, "small", 100, s[3]),
                line(true, null, "medium", 100, s[4]),
                line(true, null, "large", 100, s[5]),
                line(false, null, "all", 1, s[6]),
                line(false, null, "all", 10, s[7]),
                line(false, null, "all", 100, s[8]),
                line(false, null, "small", 100, s[9]),
                line(false, null, "medium", 100, s[10]),
                line(false, null, "large", 100, s[11]));
    }

    /** The summary lines joined with newlines (and a final one). */
    public String summary() {
        return String.join(System.lineSeparator(), summaryLines()) + System.lineSeparator();
    }

    /** {@code {"AP":..,"AP50":..,...,"ARl":..}} */
    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(asMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #toJson()} to a file. */
    public void writeJson(Path file) throws IOException {
        org.dsrcnn.engine.model.io.AtomicFiles.writeString(file, toJson() + "\n");
    }

    // ' {:<18} {} @[ IoU={:<9} | area={:>6s} | maxDets={:>3d} ] = {:0.3f}'
    private static String line(boolean precision, String iou, String area, int maxDets, double value) {
        String title = precision ? "Average Precision" : "Average Recall";
        String type = precision ? "(AP)" : "(AR)";
        String iouText = iou == null ? "0.50:0.95" : iou;
        return String.format(java.util.Locale.ROOT, " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s",
                title, type, iouText, area, maxDets, threeDecimals(value));
    }

    /**
     * Python's {@code '{:0.3f}'}: the exact binary value rounded half-even (Java's {@code %.3f}
     * rounds the shortest decimal form half-up, which differs on values like 0.0625 or 0.1235).
     */
    static String threeDecimals(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
