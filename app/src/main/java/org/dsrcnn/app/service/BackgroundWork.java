package org.dsrcnn.app.service;

/** A unit of background work: runs off the FX thread and returns a value. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(ProgressSink progress) throws Exception;
}
