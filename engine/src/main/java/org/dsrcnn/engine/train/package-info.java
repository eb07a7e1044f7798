/**
 * Training: the loop, AdamW, schedules (learning rate, DPG temperature), gradient clipping,
 * checkpoints written atomically and resumable, and the {@code metrics.jsonl} log and its reader.
 */
package org.dsrcnn.engine.train;
