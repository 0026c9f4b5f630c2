package org.astrolabe.ui.internal.downloads;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.astrolabe.ui.DataViews;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Preferences > Astrolabe > Downloads: where downloads and cutouts are saved and how many files
 * are fetched from one host at once.
 */
public final class DownloadsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Lays the fields out in a grid. */
    public DownloadsPreferencePage() {
        super(GRID);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(DownloadPreferences.store());
        setDescription("Files downloaded from DataLink links and SODA cutouts are saved in the download folder "
                + "(created when needed; existing files are never overwritten).");
    }

    @Override
    protected void createFieldEditors() {
        DirectoryFieldEditor folder = new DirectoryFieldEditor(DataViews.PREF_DOWNLOAD_FOLDER, "Download &folder:",
                getFieldEditorParent()) {
            // The folder is created by the first download: accept any absolute path that is not a file.
            @Override
            protected boolean doCheckState() {
                String text = getTextControl().getText().strip();
                try {
                    Path path = Path.of(text);
                    return !text.isEmpty() && path.isAbsolute() && !Files.isRegularFile(path);
                } catch (InvalidPathException e) {
                    return false;
                }
            }
        };
        folder.setEmptyStringAllowed(false);
        folder.setErrorMessage("The download folder must be an absolute path that is not a file");
        addField(folder);
        IntegerFieldEditor parallel = new IntegerFieldEditor(DataViews.PREF_DOWNLOAD_PARALLEL,
                "&Parallel downloads per host:", getFieldEditorParent(), 2);
        parallel.setValidRange(1, DownloadPreferences.MAX_PARALLEL);
        addField(parallel);
    }
}
