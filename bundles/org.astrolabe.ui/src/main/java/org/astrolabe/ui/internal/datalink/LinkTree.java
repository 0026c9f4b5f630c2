package org.astrolabe.ui.internal.datalink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.jface.resource.JFaceResources;

/**
 * The DataLink view's tree: semantics groups with their links, one column per {@link LinkColumn};
 * error rows in the error colour; files downloaded so far marked. UI thread only.
 */
final class LinkTree {

    private final TreeViewer viewer;
    private final Map<DataLink, Path> downloaded = new HashMap<>();
    private LinksDocument document;

    LinkTree(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        Tree tree = viewer.getTree();
        tree.setData(AstrolabeUi.WIDGET_KEY, DataViews.DATALINK_TREE_WIDGET);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        viewer.setContentProvider(new LinkTreeContentProvider());
        viewer.setUseHashlookup(true);
        Color error = tree.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
        for (LinkColumn column : LinkColumn.values()) {
            TreeViewerColumn c = new TreeViewerColumn(viewer, column == LinkColumn.SIZE ? SWT.RIGHT : SWT.LEFT);
            c.getColumn().setText(column.title);
            c.getColumn().setWidth(column.width);
            c.getColumn().setMoveable(column != LinkColumn.LINK);
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text(element, document, downloaded::get);
                }

                @Override
                public Color getForeground(Object element) {
                    boolean isError = element instanceof DataLink l && l.isError()
                            || element instanceof LinkGroups.Group g && g.isErrors();
                    return isError ? error : null;
                }

                @Override
                public Font getFont(Object element) {
                    return element instanceof LinkGroups.Group ? bold : null;
                }

                @Override
                public String getToolTipText(Object element) {
                    return element instanceof DataLink l && l.accessUrl() != null ? l.accessUrl().toString() : null;
                }
            });
        }
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
    }

    TreeViewer viewer() {
        return viewer;
    }

    Tree control() {
        return viewer.getTree();
    }

    /** Shows the links of a document (or nothing for {@code null}). */
    void show(LinksDocument doc) {
        document = doc;
        downloaded.clear();
        viewer.setInput(doc == null ? null : LinkGroups.of(doc));
        viewer.expandAll();
        fitColumns();
    }

    /** Fits the short columns to their text, so that link names and sizes are not cut. */
    private void fitColumns() {
        Tree tree = viewer.getTree();
        for (LinkColumn column : List.of(LinkColumn.LINK, LinkColumn.CONTENT_TYPE, LinkColumn.SIZE)) {
            var c = tree.getColumn(column.ordinal());
            c.pack();
            c.setWidth(Math.clamp(c.getWidth() + 8, column.width / 2, 420));
        }
    }

    LinksDocument document() {
        return document;
    }

    /** Marks a link as downloaded to {@code file}. */
    void downloaded(DataLink link, Path file) {
        downloaded.put(link, file);
        viewer.update(link, null);
    }

    /** @return the file a link was downloaded to, or {@code null} */
    Path fileOf(DataLink link) {
        return downloaded.get(link);
    }

    /** @return the selected links (groups selected count as all their links) */
    List<DataLink> selectedLinks() {
        List<DataLink> links = new ArrayList<>();
        for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
            if (element instanceof DataLink link && !links.contains(link)) {
                links.add(link);
            } else if (element instanceof LinkGroups.Group group) {
                group.links().stream().filter(l -> !links.contains(l)).forEach(links::add);
            }
        }
        return links;
    }
}
