package org.dsrcnn.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's description as tooltip text: one fact a line, a map value such as the provenance
 * ({@code {data=..., run=..., trained_on=...}}, what {@code Map.toString} gives) split into one
 * indented line per key, and every line wrapped at {@value #WIDTH} characters, because a tooltip is
 * one window that cannot be wider than the screen.
 */
public final class DescriptionText {

    /** Longest line, characters. */
    public static final int WIDTH = 100;

    private DescriptionText() {}

    /** The description, one fact a line. */
    public static String lines(Map<String, String> description) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : description.entrySet()) {
            add(e.getKey(), e.getValue() == null ? "" : e.getValue().strip(), "", out);
        }
        return String.join("\n", out);
    }

    /** One key: a map value ({@code {k=v, ...}}, nested ones too) as one indented line per key. */
    private static void add(String key, String value, String indent, List<String> out) {
        if (value.startsWith("{") && value.endsWith("}")) {
            out.add(indent + key + ":");
            for (String pair : topLevel(value.substring(1, value.length() - 1))) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    wrap(indent + "  " + pair, indent + "      ", out);
                } else {
                    add(pair.substring(0, eq), pair.substring(eq + 1), indent + "  ", out);
                }
            }
        } else {
            wrap(indent + key + ": " + value, indent + "    ", out);
        }
    }

    /** Splits "a=1, b={c=2, d=3}, e=[4, 5], f=x (y, z)" at the commas outside brackets and parentheses. */
    private static List<String> topLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0 && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                parts.add(s.substring(start, i));
                start = i + 2;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static void wrap(String line, String indent, List<String> out) {
        String rest = line;
        boolean first = true;
        while (true) {
            String prefix = first ? "" : indent;
            if (prefix.length() + rest.length() <= WIDTH) {
                out.add(prefix + rest);
                return;
            }
            int room = WIDTH - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= room / 3) {
                cut = room; // no space to break at: cut the word
            }
            out.add(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            first = false;
        }
    }
}
