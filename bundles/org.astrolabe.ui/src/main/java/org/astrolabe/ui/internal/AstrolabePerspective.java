package org.astrolabe.ui.internal;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.PlatformUI;

/**
 * The Astrolabe perspective: the TAP Query view across the top, the Results view below it with the
 * Progress view stacked behind (when the workbench has one). No editor area: nothing here edits files.
 */
public final class AstrolabePerspective implements IPerspectiveFactory {

    /** Share of the window's height the query form gets. */
    private static final float QUERY_HEIGHT = 0.30f;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        IFolderLayout top = layout.createFolder("org.astrolabe.ui.perspective.top", IPageLayout.TOP, QUERY_HEIGHT,
                editors);
        top.addView(AstrolabeUi.QUERY_VIEW_ID);
        IFolderLayout bottom = layout.createFolder("org.astrolabe.ui.perspective.bottom", IPageLayout.BOTTOM,
                QUERY_HEIGHT, "org.astrolabe.ui.perspective.top");
        bottom.addView(AstrolabeUi.RESULTS_VIEW_ID);
        // org.eclipse.ui.ide contributes the Progress view; an RCP product may not have it.
        if (PlatformUI.getWorkbench().getViewRegistry().find(IPageLayout.ID_PROGRESS_VIEW) != null) {
            bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
        } else {
            bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
        }
        layout.getViewLayout(AstrolabeUi.QUERY_VIEW_ID).setCloseable(true);
        layout.addShowViewShortcut(AstrolabeUi.QUERY_VIEW_ID);
        layout.addShowViewShortcut(AstrolabeUi.RESULTS_VIEW_ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addPerspectiveShortcut(AstrolabeUi.PERSPECTIVE_ID);
    }
}
