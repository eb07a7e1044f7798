package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.engine.data.BadFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's hang: an image that makes the data-loader thread run out of memory. Under a 400 MB
 * heap an 8000 x 8000 PNG (allowed by a raised pixel limit) decodes, then its float copy does not
 * fit, so the loader thread dies of OutOfMemoryError. The child trainer must end, not wait for its
 * batch for ever, with the reason on one line and in status.json, and keep the iterations done.
 */
class WorkerFailureTest {

    @Test
    void aDataLoaderOutOfMemoryEndsTheRunWithItsReason(@TempDir Path dir) throws Exception {
        Path data = TinyRuns.shapes(dir.resolve("shapes"));
        BadFiles.hugePng(data.resolve("train/000004.png"), 8000, 8000, false);
        Path annotations = data.resolve("annotations/train.json");
        ObjectNode coco = (ObjectNode) new ObjectMapper().readTree(annotations.toFile());
        coco.withArray("images").forEach(i -> {
            if (i.get("file_name").asText().equals("000004.png")) {
                ((ObjectNode) i).put("width", 8000).put("height", 8000);
            }
        });
        new ObjectMapper().writeValue(annotations.toFile(), coco);

        Path run = dir.resolve("run");
        Path log = dir.resolve("child.log");
        Process child = TinyRuns.child(log, List.of("-Xmx400m", "-Ddsrcnn.maxImagePixels=100000000"),
                TinyRuns.trainArgs(data, run, "--iters", "30")).start();
        boolean ended = child.waitFor(3, TimeUnit.MINUTES); // a hang fails here
        child.destroyForcibly();
        String output = Files.readString(log);
        assertTrue(ended, "the trainer hung after its loader thread died: " + output);
        assertEquals(1, child.exitValue(), output);
        List<String> errors = output.lines().filter(l -> l.startsWith("train: ")).toList();
        assertEquals(1, errors.size(), output);
        assertTrue(errors.get(0).matches("train: the data loader failed at iteration \\d+: out of memory \\(Java heap "
                + "space\\).*"), errors.get(0));
        assertFalse(output.contains("\tat ") || output.contains("Exception in thread"), "no stack trace: " + output);

        RunStatus status = RunStatus.read(run).orElseThrow();
        assertEquals(RunStatus.FAILED, status.state());
        assertEquals(errors.get(0).substring("train: ".length()), status.message());
        assertEquals(TinyRuns.oneTo((int) status.iter()), TinyRuns.trainIterations(run));
        if (status.iter() > 0) {
            assertTrue(Files.isRegularFile(run.resolve("checkpoints").resolve(Checkpoints.name(status.iter()))
                    .resolve("state.json")), "the iterations done before the failure are checkpointed");
        }
    }
}
