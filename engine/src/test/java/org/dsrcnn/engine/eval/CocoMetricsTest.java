package org.dsrcnn.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summary formatting exactly as pycocotools prints it. */
class CocoMetricsTest {

    @Test
    void summaryLinesMatchPycocotoolsCharacterForCharacter() {
        CocoMetrics m = new CocoMetrics(0.5, 0.75, 0.25, -1, 0.123456, 1.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, List.of());
        List<String> expected = List.of(
                " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.500",
                " Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 0.750",
                " Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = 0.250",
                " Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = -1.000",
                " Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = 0.123",
                " Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = 1.000",
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 0.100",
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ] = 0.200",
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.300",
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = 0.400",
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = 0.500",
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = 0.600");
        assertEquals(expected, m.summaryLines());
    }

    /** Python formats the exact binary value, half-even: '{:0.3f}'.format(x) for these x. */
    @Test
    void roundingFollowsPythonNotJava() {
        assertEquals("0.062", CocoMetrics.threeDecimals(0.0625)); // exact tie -> even; Java %.3f says 0.063
        assertEquals("0.123", CocoMetrics.threeDecimals(0.1235)); // 0.12349999... in binary
        assertEquals("0.125", CocoMetrics.threeDecimals(0.1245000000000001));
        assertEquals("1.000", CocoMetrics.threeDecimals(0.99999));
    }

    @Test
    void jsonHasTheTwelveNamedNumbersInOrder() {
        CocoMetrics m = new CocoMetrics(0.5, 0.75, 0.25, -1, 0.125, 1.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, List.of());
        assertEquals("{\"AP\":0.5,\"AP50\":0.75,\"AP75\":0.25,\"APs\":-1.0,\"APm\":0.125,\"APl\":1.0,"
                + "\"AR1\":0.1,\"AR10\":0.2,\"AR100\":0.3,\"ARs\":0.4,\"ARm\":0.5,\"ARl\":0.6}", m.toJson());
        assertEquals(0.125, m.get("APm"));
    }
}
