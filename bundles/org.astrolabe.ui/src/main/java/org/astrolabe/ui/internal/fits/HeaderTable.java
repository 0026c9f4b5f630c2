package org.astrolabe.ui.internal.fits;

import java.util.List;

import org.astrolabe.datalink.fits.FitsHdu.HeaderCard;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The header cards of the shown HDU: keyword, value, comment. UI thread only. */
final class HeaderTable {

    private final Table table;

    HeaderTable(Composite parent) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setData(AstrolabeUi.WIDGET_KEY, DataViews.FITS_HEADER_WIDGET);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Keyword", 80);
        column("Value", 140);
        column("Comment", 240);
    }

    private void column(String name, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(name);
        column.setWidth(width);
    }

    Table control() {
        return table;
    }

    void show(List<HeaderCard> cards) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (HeaderCard card : cards) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] {card.keyword(), card.value() == null ? "" : card.value(),
                        card.comment() == null ? "" : card.comment()});
            }
        } finally {
            table.setRedraw(true);
        }
    }
}
