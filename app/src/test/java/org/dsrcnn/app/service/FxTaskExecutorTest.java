package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    @BeforeAll
    static void fx() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void runsOffTheFxThreadInOrderAndReportsOnIt() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        FxTaskExecutor[] ex = new FxTaskExecutor[1];
        Platform.runLater(() -> {
            ex[0] = new FxTaskExecutor();
            ex[0].submit("first", p -> {
                events.add("work1 fx=" + Platform.isFxApplicationThread());
                Thread.sleep(50);
                return 1;
            }, v -> {
                events.add("ok1 fx=" + Platform.isFxApplicationThread() + " v=" + v);
                done.countDown();
            }, e -> events.add("fail1"));
            ex[0].submit("second", p -> {
                throw new IllegalArgumentException("broken input");
            }, v -> events.add("ok2"), e -> {
                events.add("fail2 " + e.getMessage() + " fx=" + Platform.isFxApplicationThread());
                done.countDown();
            });
            events.add("busy=" + ex[0].busyProperty().get());
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        Thread.sleep(50);
        CountDownLatch idle = new CountDownLatch(1);
        boolean[] busy = new boolean[1];
        Platform.runLater(() -> {
            busy[0] = ex[0].busyProperty().get();
            ex[0].close();
            idle.countDown();
        });
        idle.await(5, TimeUnit.SECONDS);
        assertEquals(List.of("busy=true", "work1 fx=false", "ok1 fx=true v=1", "fail2 broken input fx=true"),
                events.stream().sorted((a, b) -> order(a) - order(b)).toList());
        assertFalse(busy[0]);
    }

    private static int order(String e) {
        return e.startsWith("busy") ? 0 : e.startsWith("work1") ? 1 : e.startsWith("ok1") ? 2 : 3;
    }

    @Test
    void cancelledWorkNeverCallsBack() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch after = new CountDownLatch(1);
        FxTaskExecutor[] ex = new FxTaskExecutor[1];
        Cancellable[] handle = new Cancellable[1];
        Platform.runLater(() -> {
            ex[0] = new FxTaskExecutor();
            handle[0] = ex[0].submit("slow", p -> {
                started.countDown();
                while (!p.isCancelled()) {
                    Thread.onSpinWait();
                }
                events.add("saw cancel");
                return 0;
            }, v -> events.add("ok"), e -> events.add("fail"));
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Platform.runLater(() -> handle[0].cancel());
        Thread.sleep(300);
        Platform.runLater(() -> {
            events.add("busy=" + ex[0].busyProperty().get());
            ex[0].close();
            after.countDown();
        });
        after.await(5, TimeUnit.SECONDS);
        assertEquals(List.of("saw cancel", "busy=false"), events);
        assertTrue(handle[0].isDone());
    }
}
