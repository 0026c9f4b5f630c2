package org.astrolabe.ui.internal.help;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text with styled spans from the small HTML subset of Astrolabe's help pages (h1, h2, p,
 * ol, ul, li, b, code, and the entities &amp;lt; &amp;gt; &amp;amp; &amp;quot;), so that a page can be shown
 * without a browser. The head is skipped; whitespace is collapsed as a browser would. Immutable.
 *
 * @param text the text, paragraphs separated by blank lines
 * @param spans the styled parts
 */
public record HtmlText(String text, List<Span> spans) {

    /** How a span looks. */
    public enum Style {
        /** A page title. */
        TITLE,
        /** A section heading. */
        HEADING,
        /** Bold text. */
        BOLD,
        /** Code, in a monospace font. */
        CODE
    }

    /**
     * A styled part of the text.
     *
     * @param start offset in the text
     * @param length number of characters
     * @param style how it looks
     */
    public record Span(int start, int length, Style style) {
    }

    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)");

    /** Copies the spans. */
    public HtmlText {
        spans = List.copyOf(spans);
    }

    /** @return the text and spans of an HTML page */
    public static HtmlText parse(String html) {
        int bodyStart = html.toLowerCase(Locale.ROOT).indexOf("<body");
        String body = bodyStart < 0 ? html : html.substring(bodyStart);
        StringBuilder out = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {start, style ordinal}
        Deque<int[]> lists = new ArrayDeque<>(); // {ordered ? 1 : 0, counter}
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            if (m.group(3) != null) {
                String text = unescape(m.group(3).replaceAll("\\s+", " "));
                if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                    text = text.stripLeading();
                }
                out.append(text);
                continue;
            }
            boolean closing = !m.group(1).isEmpty();
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            switch (tag) {
                case "h1", "h2", "b", "strong", "code" -> {
                    Style style = switch (tag) {
                        case "h1" -> Style.TITLE;
                        case "h2" -> Style.HEADING;
                        case "code" -> Style.CODE;
                        default -> Style.BOLD;
                    };
                    if (!closing) {
                        if (tag.startsWith("h")) {
                            blankLine(out);
                        }
                        open.push(new int[] {out.length(), style.ordinal()});
                    } else if (!open.isEmpty()) {
                        int[] start = open.pop();
                        trimTrailingSpace(out);
                        if (out.length() > start[0]) {
                            spans.add(new Span(start[0], out.length() - start[0], Style.values()[start[1]]));
                        }
                        if (tag.startsWith("h")) {
                            out.append('\n');
                        }
                    }
                }
                case "p" -> blankLine(out);
                case "ol", "ul" -> {
                    if (!closing) {
                        blankLine(out);
                        lists.push(new int[] {tag.equals("ol") ? 1 : 0, 0});
                    } else if (!lists.isEmpty()) {
                        lists.pop();
                        blankLine(out);
                    }
                }
                case "li" -> {
                    if (!closing) {
                        newLine(out);
                        int[] list = lists.isEmpty() ? new int[] {0, 0} : lists.peek();
                        list[1]++;
                        out.append(list[0] == 1 ? "  " + list[1] + ". " : "  • ");
                    }
                }
                case "br" -> out.append('\n');
                default -> {
                    // html, body, and anything else: no text of its own
                }
            }
        }
        trimTrailingSpace(out);
        return new HtmlText(out.toString().strip(), spans);
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static void newLine(StringBuilder out) {
        trimTrailingSpace(out);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void blankLine(StringBuilder out) {
        newLine(out);
        if (out.length() >= 2 && !(out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }
}
