package org.dsrcnn.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dsrcnn.engine.box.BoxOps;
import org.junit.jupiter.api.Test;

class NmsTest {

    /**
     * Brute-force reference, written from the definition: repeatedly take the best remaining box
     * (scan for the maximum; ties to the lower index), keep it, and strike out every remaining box
     * of its class that overlaps it by IoU > threshold.
     */
    static int[] reference(float[][] boxes, float[] scores, int[] labels, double thr) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < boxes.length; i++) {
            remaining.add(i);
        }
        List<Integer> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int best = remaining.get(0);
            for (int i : remaining) {
                if (scores[i] > scores[best] || (scores[i] == scores[best] && i < best)) {
                    best = i;
                }
            }
            kept.add(best);
            final int b = best;
            remaining.removeIf(i -> i == b || (labels[i] == labels[b] && BoxOps.iou(boxes[i], boxes[b]) > thr));
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void agreesWithBruteForceOnRandomScenes() {
        Random r = new Random(17);
        for (int t = 0; t < 500; t++) {
            int n = r.nextInt(60);
            float[][] boxes = new float[n][];
            float[] scores = new float[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                // clustered boxes so that suppression chains happen
                float cx = 50 * r.nextInt(3) + r.nextFloat() * 20;
                float cy = 50 * r.nextInt(3) + r.nextFloat() * 20;
                float w = 10 + r.nextFloat() * 30;
                float h = 10 + r.nextFloat() * 30;
                boxes[i] = new float[] {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
                scores[i] = r.nextInt(5) == 0 ? 0.5f : r.nextFloat(); // some ties
                labels[i] = r.nextInt(3);
            }
            double thr = new double[] {0.0, 0.3, 0.5, 0.7, 1.0}[t % 5];
            assertArrayEquals(reference(boxes, scores, labels, thr), Nms.classAware(boxes, scores, labels, thr),
                    "trial " + t);
        }
    }

    @Test
    void handPicked() {
        float[][] boxes = {{0, 0, 10, 10}, {0, 0, 10, 11}, {0, 0, 10, 10}, {20, 20, 30, 30}, {0, 0, 10, 20}};
        float[] scores = {0.9f, 0.95f, 0.8f, 0.7f, 0.6f};
        int[] labels = {0, 0, 1, 0, 0};
        // 1 (best) suppresses 0 (IoU 100/110); 2 is another class; 3 is far; 4 has IoU 110/200 = 0.55
        assertArrayEquals(new int[] {1, 2, 3, 4}, Nms.classAware(boxes, scores, labels, 0.7));
        assertArrayEquals(new int[] {1, 2, 3}, Nms.classAware(boxes, scores, labels, 0.5));
        // IoU exactly at the threshold is kept (suppress only above): box 4 vs 0 has IoU 0.5
        assertArrayEquals(new int[] {0, 1}, Nms.classAware(new float[][] {boxes[0], boxes[4]},
                new float[] {0.9f, 0.6f}, new int[] {0, 0}, 0.5));
        assertArrayEquals(new int[0], Nms.classAware(new float[0][], new float[0], new int[0], 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> Nms.classAware(boxes, new float[] {1}, labels, 0.5));
    }
}
