package org.dsrcnn.app.session;

/**
 * A message for the user (shown in the notification bar).
 *
 * @param level how it is shown
 * @param text one line
 * @param id increases with every notice, so the same text twice is still a change
 */
public record Notice(Level level, String text, long id) {

    /** Severity. */
    public enum Level { INFO, WARNING, ERROR }
}
