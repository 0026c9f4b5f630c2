package org.astrolabe.core.sky;

/** User text as quoted in a one-line message: control characters escaped, long text cut. */
final class Shown {

    private static final int LIMIT = 80;

    private Shown() {
    }

    /** @return {@code text} with line breaks, tabs and other control characters as escapes, at most 80 characters */
    static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(LIMIT).forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return text.codePointCount(0, text.length()) > LIMIT ? b + "…" : b.toString();
    }
}
