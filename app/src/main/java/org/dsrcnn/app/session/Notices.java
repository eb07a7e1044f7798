package org.dsrcnn.app.session;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The latest message for the user; shared by the view-models, shown by the notification bar. */
public final class Notices {

    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private long counter;

    public Notice info(String text) {
        return post(new Notice(Notice.Level.INFO, text, ++counter));
    }

    public Notice warn(String text) {
        return post(new Notice(Notice.Level.WARNING, text, ++counter));
    }

    public Notice error(String text) {
        return post(new Notice(Notice.Level.ERROR, text, ++counter));
    }

    /**
     * Takes {@code notice} down if it is still the latest: a complaint about what could not be shown
     * must not stay up over the valid image shown since (errors do not hide by themselves).
     */
    public void dismiss(Notice notice) {
        if (notice != null && latest.get() == notice) {
            latest.set(null);
        }
    }

    private Notice post(Notice notice) {
        latest.set(notice);
        return notice;
    }

    /** The latest notice (a new object for every message, even a repeated one); null once dismissed. */
    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The one-line message of a failure, unwrapped from wrappers that add nothing. */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof java.util.concurrent.ExecutionException || t instanceof java.io.UncheckedIOException
                        || t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
