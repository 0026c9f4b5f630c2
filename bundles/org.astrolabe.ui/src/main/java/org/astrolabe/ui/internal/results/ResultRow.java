package org.astrolabe.ui.internal.results;

import org.astrolabe.core.votable.ResultTable;

/**
 * One row of a result table as an element of the virtual table viewer: a reference, not a copy.
 * Only the rows SWT asks for ever get one.
 *
 * @param table the table
 * @param index row index from 0
 */
record ResultRow(ResultTable table, long index) {
}
