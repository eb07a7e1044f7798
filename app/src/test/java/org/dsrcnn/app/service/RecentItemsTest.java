package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsrcnn.app.service.RecentItems.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentItemsTest {

    @Test
    void newestFirstWithoutDuplicatesAndPersisted(@TempDir Path dir) {
        RecentItems r = new RecentItems(dir);
        r.add(Kind.FOLDER, dir.resolve("a"));
        r.add(Kind.FILE, dir.resolve("b.png"));
        r.add(Kind.FOLDER, dir.resolve("a"));  // again: moves to the front
        assertEquals(2, r.items().size());
        assertEquals(dir.resolve("a"), r.items().get(0).path());
        assertEquals(dir.resolve("b.png"), r.latest(Kind.FILE).path());
        assertNull(r.latest(Kind.MODEL));

        RecentItems reloaded = new RecentItems(dir);
        assertEquals(r.items(), reloaded.items());
    }

    @Test
    void keepsAtMostMax(@TempDir Path dir) {
        RecentItems r = new RecentItems(dir);
        for (int i = 0; i < RecentItems.MAX + 5; i++) {
            r.add(Kind.FILE, dir.resolve("f" + i));
        }
        assertEquals(RecentItems.MAX, r.items().size());
        assertEquals(dir.resolve("f" + (RecentItems.MAX + 4)), r.items().get(0).path());
    }

    @Test
    void aBrokenFileMeansNoItems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("recent.json"), "[{\"kind\": \"NOPE\"");
        assertTrue(new RecentItems(dir).items().isEmpty());
    }
}
