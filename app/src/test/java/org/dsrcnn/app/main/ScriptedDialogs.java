package org.dsrcnn.app.main;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A {@link DialogService} that answers with queued paths, as a user would pick them. */
public final class ScriptedDialogs implements DialogService {

    public final Deque<Path> answers = new ArrayDeque<>();
    public final Deque<String> asked = new ArrayDeque<>();
    /** Answers to {@link #confirm}, in order; no answer left means "no". */
    public final Deque<Boolean> confirmations = new ArrayDeque<>();

    private Optional<Path> next(String title) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openFile(String title, String filterName, String... extensions) {
        return next(title);
    }

    @Override
    public Optional<Path> openFolder(String title) {
        return next(title);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, String filterName, String... extensions) {
        return next(title);
    }

    @Override
    public boolean confirm(String title, String question) {
        asked.add(title);
        return Boolean.TRUE.equals(confirmations.poll());
    }
}
