package org.dsrcnn.engine.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's parse errors in words for a user: where ({@code line 3, column 17}) and what, without
 * the parser's advice to developers ({@code enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}) or
 * its redacted source description.
 */
public final class JsonErrors {
    private JsonErrors() {}

    /** {@code broken JSON at line L, column C: what}. */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "broken JSON" + where + ": " + what(e);
    }

    /** The parser's complaint alone, cleaned. */
    public static String what(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String first = message.lines().findFirst().orElse(message);
        if (first.startsWith("Non-standard token '")) {
            int end = first.indexOf('\'', "Non-standard token '".length());
            String token = end > 0 ? first.substring("Non-standard token '".length(), end) : "?";
            return token + " is not a number JSON allows (write a finite number)";
        }
        // "... (start marker at [Source: REDACTED ...; line: 1, column: 11])": the location is given apart
        int source = first.indexOf(" (start marker at [Source");
        if (source > 0) {
            first = first.substring(0, source);
        }
        return first.strip();
    }
}
