/**
 * Training: the loop, AdamW, schedules (learning rate, DPG temperature), gradient clipping,
 * checkpoints written atomically and resumable (the directories on disk are the truth), the
 * {@code metrics.jsonl} log and its reader, and what a watcher needs from a run directory:
 * {@code status.json} ({@link org.dsrcnn.engine.train.RunStatus}, with a reader for the app), the
 * {@code STOP} file, and the lock that keeps a second trainer out.
 */
package org.dsrcnn.engine.train;
