package org.dsrcnn.app.training;

/** An exception as one line a user can read: its message (first line), or its class name. */
final class OneLine {
    private OneLine() {}

    static String of(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
