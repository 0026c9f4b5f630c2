package org.astrolabe.ui.internal;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.PlatformUI;

/**
 * The Astrolabe perspective: the Schema browser on the left, the TAP Query view across the top
 * right, the Results view below it with the Jobs view and the Progress view (when the workbench has
 * one) stacked behind. No editor area: nothing here edits files.
 */
public final class AstrolabePerspective implements IPerspectiveFactory {

    /** Share of the window's height the query form gets. */
    private static final float QUERY_HEIGHT = 0.32f;
    /** Share of the window's width the Schema browser gets. */
    private static final float SCHEMA_WIDTH = 0.35f;

    private static final String LEFT = "org.astrolabe.ui.perspective.left";
    private static final String TOP = "org.astrolabe.ui.perspective.top";
    private static final String BOTTOM = "org.astrolabe.ui.perspective.bottom";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        IFolderLayout left = layout.createFolder(LEFT, IPageLayout.LEFT, SCHEMA_WIDTH, editors);
        left.addView(AstrolabeUi.SCHEMA_VIEW_ID);
        IFolderLayout top = layout.createFolder(TOP, IPageLayout.TOP, QUERY_HEIGHT, editors);
        top.addView(AstrolabeUi.QUERY_VIEW_ID);
        IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.BOTTOM, QUERY_HEIGHT, TOP);
        bottom.addView(AstrolabeUi.RESULTS_VIEW_ID);
        bottom.addView(AstrolabeUi.JOBS_VIEW_ID);
        // org.eclipse.ui.ide contributes the Progress view; an RCP product may not have it.
        if (PlatformUI.getWorkbench().getViewRegistry().find(IPageLayout.ID_PROGRESS_VIEW) != null) {
            bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
        } else {
            bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
        }
        layout.getViewLayout(AstrolabeUi.QUERY_VIEW_ID).setCloseable(true);
        layout.addShowViewShortcut(AstrolabeUi.QUERY_VIEW_ID);
        layout.addShowViewShortcut(AstrolabeUi.RESULTS_VIEW_ID);
        layout.addShowViewShortcut(AstrolabeUi.SCHEMA_VIEW_ID);
        layout.addShowViewShortcut(AstrolabeUi.JOBS_VIEW_ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addPerspectiveShortcut(AstrolabeUi.PERSPECTIVE_ID);
    }
}
