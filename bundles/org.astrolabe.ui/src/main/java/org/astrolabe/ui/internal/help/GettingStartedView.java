package org.astrolabe.ui.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Shows the help's getting-started page ({@code help/html/getting-started.html}, the same page the
 * Eclipse help system lists through {@code help/toc.xml}) as styled text, so that it reads the same
 * in the Astrolabe product, which has no help server or browser. UI thread only.
 */
public final class GettingStartedView extends ViewPart {

    /** The page, inside the UI bundle. */
    public static final String PAGE = "help/html/getting-started.html";

    /** Widget name of the text. */
    public static final String TEXT_WIDGET = "gettingStartedText";

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("  (•|\\d+\\.) ");

    private StyledText text;
    private Font title;
    private Font heading;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setData(AstrolabeUi.WIDGET_KEY, TEXT_WIDGET);
        text.setMargins(12, 10, 12, 10);
        text.setLineSpacing(2);
        text.setCaret(null);
        Font base = JFaceResources.getDialogFont();
        title = derive(base, 1.5f);
        heading = derive(base, 1.2f);
        show(load());
    }

    private Font derive(Font base, float factor) {
        FontData[] data = base.getFontData();
        for (FontData d : data) {
            d.setHeight(Math.round(d.getHeight() * factor));
            d.setStyle(SWT.BOLD);
        }
        return new Font(text.getDisplay(), data);
    }

    private static HtmlText load() {
        Bundle bundle = FrameworkUtil.getBundle(GettingStartedView.class);
        URL entry = bundle == null ? null : bundle.getEntry(PAGE);
        if (entry == null) {
            return new HtmlText("The page " + PAGE + " is missing from the bundle org.astrolabe.ui.", List.of());
        }
        try (InputStream in = entry.openStream()) {
            return HtmlText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new HtmlText("The page " + PAGE + " could not be read: " + e.getMessage(), List.of());
        }
    }

    private void show(HtmlText page) {
        text.setText(page.text());
        List<StyleRange> ranges = new ArrayList<>();
        for (HtmlText.Span span : page.spans()) {
            StyleRange range = new StyleRange();
            range.start = span.start();
            range.length = span.length();
            switch (span.style()) {
                case TITLE -> range.font = title;
                case HEADING -> range.font = heading;
                case BOLD -> range.fontStyle = SWT.BOLD;
                case CODE -> range.font = JFaceResources.getTextFont();
            }
            ranges.add(range);
        }
        ranges.sort((a, b) -> Integer.compare(a.start, b.start));
        text.setStyleRanges(ranges.toArray(StyleRange[]::new));
        // List items wrap under their text, not under their bullet or number.
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(text);
        try {
            gc.setFont(text.getFont());
            for (int line = 0; line < text.getLineCount(); line++) {
                java.util.regex.Matcher item = LIST_ITEM.matcher(text.getLine(line));
                if (item.lookingAt()) {
                    text.setLineWrapIndent(line, 1, gc.textExtent(item.group()).x);
                }
            }
        } finally {
            gc.dispose();
        }
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void dispose() {
        if (title != null) {
            title.dispose();
            heading.dispose();
        }
        super.dispose();
    }
}
