package org.astrolabe.ui.internal.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void headingsListsAndInlineStyles() {
        HtmlText page = HtmlText.parse("<html><head><title>T</title></head><body><h1>Title</h1>\n<p>Some <b>bold</b>"
                + " and <code>a &lt; b</code>.</p><h2>Steps</h2><ol><li>one</li>\n<li>two</li></ol><ul><li>x</li></ul>"
                + "</body></html>");
        assertEquals("Title\n\nSome bold and a < b.\n\nSteps\n\n  1. one\n  2. two\n\n  • x", page.text());
        List<HtmlText.Span> spans = page.spans();
        assertEquals(new HtmlText.Span(0, 5, HtmlText.Style.TITLE), spans.get(0));
        assertEquals("bold", at(page, spans.get(1)));
        assertEquals(HtmlText.Style.BOLD, spans.get(1).style());
        assertEquals("a < b", at(page, spans.get(2)));
        assertEquals("Steps", at(page, spans.get(3)));
        assertEquals(HtmlText.Style.HEADING, spans.get(3).style());
    }

    @Test
    void theShippedPageRendersWithEverySection() throws IOException {
        String html = Files.readString(Path.of("help/html/getting-started.html"), StandardCharsets.UTF_8);
        HtmlText page = HtmlText.parse(html);
        assertTrue(page.text().startsWith("Getting started with Astrolabe\n\nAstrolabe brings IVOA archives"),
                page.text());
        for (String heading : List.of("1. Query a TAP service", "2. List the data products of rows",
                "3. Download, cut out, look", "4. The FITS viewer")) {
            assertTrue(page.spans().stream().anyMatch(s -> at(page, s).equals(heading)), heading);
        }
        assertTrue(!page.text().contains("<") || page.text().contains("a <"), "no tags left");
        for (HtmlText.Span s : page.spans()) {
            assertTrue(s.start() >= 0 && s.start() + s.length() <= page.text().length(), s.toString());
        }
    }

    private static String at(HtmlText page, HtmlText.Span span) {
        return page.text().substring(span.start(), span.start() + span.length());
    }
}
