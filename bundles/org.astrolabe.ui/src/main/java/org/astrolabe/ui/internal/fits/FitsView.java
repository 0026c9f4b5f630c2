package org.astrolabe.ui.internal.fits;

import java.nio.file.Path;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.datalink.fits.FitsReader;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.astrolabe.ui.internal.Services;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The FITS viewer: the first image of a FITS file with a choice of stretch, a plane slider for
 * cubes, the header cards beside it, and pixel, value and world coordinates of the point under the
 * mouse below. One instance per file ({@link FitsViews#open}). The file is read by the
 * {@link FitsReader} service in a Job; the UI thread only renders. UI thread only.
 */
public final class FitsView extends ViewPart {

    private Services<FitsReader> reader;
    private Combo stretch;
    private Scale plane;
    private Label planeLabel;
    private PictureCanvas canvas;
    private HeaderTable header;
    /** Pixel, value and world coordinates (wrapped, selectable so that they can be copied), or a message. */
    private StyledText status;
    private Path file;
    private FitsPicture picture;
    private Job loading;

    @Override
    public void createPartControl(Composite parent) {
        reader = Services.track(FitsReader.class);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        parent.setLayout(layout);
        createControls(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas = new PictureCanvas(sash, this::hover);
        header = new HeaderTable(sash);
        sash.setWeights(68, 32);
        status = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        status.setData(AstrolabeUi.WIDGET_KEY, DataViews.FITS_STATUS_WIDGET);
        status.setBackground(parent.getBackground());
        status.setCaret(null);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.heightHint = 3 * status.getLineHeight() + 2;
        statusData.widthHint = 100; // wraps to the view's width instead of widening it
        status.setLayoutData(statusData);
        status.setText("Open a FITS file, or open one from the DataLink view.");
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.showBusyForFamily(DataViews.FITS_JOB);
        }
    }

    private void createControls(Composite parent) {
        // A row that wraps, so that nothing is cut when the view is narrow.
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginLeft = 0;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        layout.spacing = 6;
        row.setLayout(layout);
        new Label(row, SWT.NONE).setText("Stretch:");
        stretch = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        stretch.setData(AstrolabeUi.WIDGET_KEY, DataViews.FITS_STRETCH_WIDGET);
        for (Stretch s : Stretch.values()) {
            stretch.add(s.label());
        }
        stretch.select(Stretch.ZSCALE.ordinal());
        stretch.setToolTipText("How pixel values map to grey levels; z-scale uses IRAF's zscale limits");
        stretch.addListener(SWT.Selection, e -> render());
        Label planeTitle = new Label(row, SWT.NONE);
        planeTitle.setText("  Plane:");
        plane = new Scale(row, SWT.HORIZONTAL);
        plane.setData(AstrolabeUi.WIDGET_KEY, DataViews.FITS_PLANE_WIDGET);
        plane.setLayoutData(new RowData(160, SWT.DEFAULT));
        plane.setMinimum(0);
        plane.setMaximum(1);
        plane.setEnabled(false);
        plane.addListener(SWT.Selection, e -> planeChosen());
        planeLabel = new Label(row, SWT.NONE);
        planeLabel.setData(AstrolabeUi.WIDGET_KEY, DataViews.FITS_PLANE_VALUE_WIDGET);
        planeLabel.setText("1 of 1");
        Button open = new Button(row, SWT.PUSH);
        open.setText("Open…");
        open.setToolTipText("Open a FITS file from disk");
        open.addListener(SWT.Selection, e -> chooseFile());
    }

    private void chooseFile() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.fits;*.fit;*.fts;*.fits.gz", "*"});
        dialog.setFilterNames(new String[] {"FITS files", "All files"});
        String chosen = dialog.open();
        if (chosen != null) {
            open(Path.of(chosen));
        }
    }

    /** @return the file shown (or being read), or {@code null} */
    public Path file() {
        return file;
    }

    /** Reads {@code path} in a Job and shows its first image (the first plane of a cube). */
    public void open(Path path) {
        file = path;
        setPartName("FITS: " + path.getFileName());
        setTitleToolTip(path.toString());
        load(0);
    }

    private void planeChosen() {
        if (picture != null && plane.getSelection() != picture.plane()) {
            load(plane.getSelection());
        }
    }

    private void load(int planeIndex) {
        if (loading != null) {
            loading.cancel();
        }
        Path target = file;
        showStatus("Reading " + target.getFileName() + "…");
        Job job = new Job("Reading FITS file " + target.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    FitsPicture loaded = FitsPictures.load(reader.await(monitor), target, planeIndex, monitor);
                    asyncShow(loaded, this);
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (AstrolabeException e) {
                    asyncFailure(e.getMessage(), this);
                    return Status.OK_STATUS; // shown in the view, not as an error dialog
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == DataViews.FITS_JOB;
            }
        };
        job.setUser(false);
        loading = job;
        job.schedule();
    }

    private void asyncShow(FitsPicture loaded, Job job) {
        status.getDisplay().asyncExec(() -> {
            if (!status.isDisposed() && loading == job) {
                show(loaded);
            }
        });
    }

    private void asyncFailure(String message, Job job) {
        status.getDisplay().asyncExec(() -> {
            if (!status.isDisposed() && loading == job) {
                showStatus(message);
                status.setForeground(status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        });
    }

    private void show(FitsPicture loaded) {
        boolean first = picture == null || !picture.file().equals(loaded.file());
        picture = loaded;
        if (first) {
            header.show(loaded.cards());
        }
        plane.setMaximum(Math.max(1, loaded.planes() - 1));
        plane.setSelection(loaded.plane());
        plane.setEnabled(loaded.planes() > 1);
        plane.setPageIncrement(1);
        planeLabel.setText(planeText(loaded));
        planeLabel.getParent().getParent().layout(true, true);
        render();
        String size = loaded.width() + " × " + loaded.height() + (loaded.planes() > 1 ? " × " + loaded.planes() : "");
        showStatus(loaded.file().getFileName() + ": " + size + " pixels"
                + (loaded.step() > 1 ? ", shown 1 in " + loaded.step() + " per axis" : "")
                + (loaded.wcs().isPresent() ? "" : ", no WCS") + ".\nPoint at the picture for its values"
                + (loaded.wcs().isPresent() ? " and world coordinates." : "."));
        status.setToolTipText(loaded.file().toString());
    }

    private static String planeText(FitsPicture p) {
        String text = (p.plane() + 1) + " of " + p.planes();
        if (p.planes() > 1 && p.wcs().isPresent()) {
            String axis = p.wcs().get().describeAxis(2, 1, 1, p.plane() + 1);
            if (!axis.isEmpty()) {
                text += "  (" + axis + ")";
            }
        }
        return text;
    }

    private void render() {
        if (picture == null) {
            return;
        }
        canvas.show(PictureRenderer.render(picture, Stretch.values()[stretch.getSelectionIndex()]));
    }

    private void hover(int[] pixel) {
        if (picture == null) {
            return;
        }
        if (pixel == null) {
            return; // keep the last reading, so that it can be copied
        }
        showStatus(picture.describe(pixel[0], pixel[1]));
    }

    /** Shows a reading or a message (up to three lines are visible; long lines wrap). */
    private void showStatus(String text) {
        status.setForeground(null);
        status.setText(text);
    }

    @Override
    public void setFocus() {
        canvas.control().setFocus();
    }

    @Override
    public void dispose() {
        if (loading != null) {
            loading.cancel();
        }
        if (reader != null) {
            reader.close();
        }
        super.dispose();
    }
}
