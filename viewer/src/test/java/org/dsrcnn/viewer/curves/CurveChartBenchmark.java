package org.dsrcnn.viewer.curves;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.dsrcnn.viewer.FxTestSupport;

/**
 * The Training page's worst case, per the issue: 10 runs x 100,000 points in one card. Times a
 * redraw after a smoothing change (the slider moving): EMA over all points, decimation to the
 * plot width, ChartFX layout and the software rasteriser (a snapshot executes the frame); reports
 * median and p95, and the heap the curves and the chart hold. A main class, not a test (no
 * timing is asserted anywhere):
 *
 * <pre>java -cp viewer/target/test-classes:viewer/target/classes:... -Dglass.platform=Monocle
 *   -Dmonocle.platform=Headless -Dprism.order=sw org.dsrcnn.viewer.curves.CurveChartBenchmark</pre>
 */
public final class CurveChartBenchmark {
    private CurveChartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int series = 10;
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long before = usedHeapAfterGc();
        List<Curve> curves = new ArrayList<>();
        Random random = new Random(1);
        for (int s = 0; s < series; s++) {
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = i + 1;
                y[i] = 40 * Math.exp(-i / 20_000.0) + 5 + s + random.nextGaussian() * 2;
            }
            curves.add(new Curve("run" + s, "run " + s, String.format(Locale.ROOT, "#%06x", 0x1f77b4 + s * 0x151515), x, y, points));
        }
        double[] ms = FxTestSupport.onFx(() -> {
            CurveChart chart = new CurveChart("total loss");
            StackPane root = new StackPane(chart);
            Scene scene = new Scene(root, 900, 320);
            chart.setCurves(curves);
            root.applyCss();
            root.layout();
            WritableImage target = new WritableImage(900, 320);
            double[] times = new double[frames];
            double[] compute = new double[frames];
            for (int i = -10; i < frames; i++) {
                long t0 = System.nanoTime();
                chart.smoothingProperty().set(0.5 + 0.49 * ((i + 10) % 7) / 6.0);
                long tc = System.nanoTime();
                if (i >= 0) {
                    compute[i] = (tc - t0) / 1e6;
                }
                root.applyCss();
                root.layout();
                root.snapshot(null, target);
                if (i >= 0) {
                    times[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(compute);
            System.out.printf(Locale.ROOT, "of which smoothing + decimation + data sets: median %.1f ms%n", compute[frames / 2]);
            System.out.printf(Locale.ROOT, "points handed to ChartFX per redraw: %d%n", chart.drawnPoints());
            held = chart;
            return times;
        });
        long after = usedHeapAfterGc();
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT,
                "%d series x %d points: redraw after a smoothing change median %.1f ms, p95 %.1f ms (%d frames); "
                        + "heap held by curves + chart %.1f MB (the raw arrays alone: %.1f MB)%n",
                series, points, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], frames, (after - before) / 1e6,
                series * points * 16 / 1e6);
        System.exit(0);
    }

    static volatile Object held;

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
