package org.astrolabe.core.votable;

import java.io.IOException;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.xml.sax.SAXException;

import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.TableHandler;

/** Sends the first TABLE of a document into a row store, reporting progress every 10,000 rows. */
final class FirstTableHandler implements TableHandler {

    private static final int REPORT_EVERY = 10_000;

    private final TableSink store;
    private final SubMonitor monitor;
    private int tablesSeen;
    private boolean complete;
    private long rows;

    FirstTableHandler(TableSink store, SubMonitor monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    @Override
    public void startTable(StarTable meta) throws SAXException {
        if (tablesSeen++ == 0) {
            try {
                store.acceptMetadata(meta);
            } catch (IOException e) {
                throw new SAXException("Cannot store the result: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void rowData(Object[] row) throws SAXException {
        if (tablesSeen != 1 || complete) {
            return;
        }
        try {
            store.acceptRow(row);
        } catch (IOException e) {
            throw new SAXException("Cannot store the result (disk full?): " + e.getMessage(), e);
        }
        if (++rows % REPORT_EVERY == 0) {
            if (monitor.isCanceled()) {
                throw new SAXException(new OperationCanceledException());
            }
            monitor.subTask(rows + " rows");
        }
    }

    @Override
    public void endTable() throws SAXException {
        if (tablesSeen == 1 && !complete) {
            try {
                store.endRows();
            } catch (IOException e) {
                throw new SAXException("Cannot store the result: " + e.getMessage(), e);
            }
            complete = true;
        }
    }

    boolean complete() {
        return complete;
    }
}
