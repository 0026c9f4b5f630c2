package org.astrolabe.ui.internal.fits;

import java.nio.file.Path;

import org.astrolabe.ui.DataViews;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/** Opens FITS files in the FITS viewer, one view per file. */
public final class FitsViews {

    private FitsViews() {
    }

    /**
     * Shows {@code file} in its own FITS view (the same view again for the same file).
     *
     * @param page the workbench page
     * @param file the FITS file
     * @return the view
     * @throws PartInitException when the view cannot be created
     */
    public static FitsView open(IWorkbenchPage page, Path file) throws PartInitException {
        Path absolute = file.toAbsolutePath().normalize();
        String secondary = Integer.toHexString(absolute.toString().hashCode());
        FitsView view = (FitsView) page.showView(DataViews.FITS_VIEW_ID, secondary, IWorkbenchPage.VIEW_ACTIVATE);
        view.open(absolute);
        return view;
    }
}
