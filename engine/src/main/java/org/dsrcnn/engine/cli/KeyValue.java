package org.dsrcnn.engine.cli;

/** One {@code key=value} option argument ({@code --set}, {@code --note}). */
record KeyValue(String key, String value) {

    /**
     * Splits at the first {@code =}.
     *
     * @param flag the option, for the error message
     * @throws IllegalArgumentException when there is no {@code =} or the key is empty
     */
    static KeyValue parse(String flag, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(flag + " takes key=value, got '" + text + "'");
        }
        return new KeyValue(text.substring(0, eq), text.substring(eq + 1));
    }
}
