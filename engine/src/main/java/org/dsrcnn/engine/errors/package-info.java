/**
 * How a failure becomes the one line a user reads: the command line, the trainer's
 * {@code status.json} and the app all describe a failure with {@link OneLineReason}.
 */
package org.dsrcnn.engine.errors;
