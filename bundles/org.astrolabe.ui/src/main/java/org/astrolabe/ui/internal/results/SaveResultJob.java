package org.astrolabe.ui.internal.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperRowSequence;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * Writes a result table to a file in any {@link TableFormat}, off the UI thread, with progress per
 * row and a working Cancel: the file is written under a temporary name and renamed when complete,
 * so a cancelled or failed save leaves no file behind. Family {@link JobFamilies#RESULTS}.
 */
final class SaveResultJob extends Job {

    private final ResultTable table;
    private final TableFormat format;
    private final Path file;
    private final Consumer<String> done;

    /**
     * @param table what to save
     * @param format how
     * @param file where; replaced if it exists
     * @param done told one line for the status bar when the job ends (on the job's thread)
     */
    SaveResultJob(ResultTable table, TableFormat format, Path file, Consumer<String> done) {
        super("Saving " + file.getFileName() + " as " + format.id().toUpperCase(Locale.ROOT));
        this.table = Objects.requireNonNull(table, "table");
        this.format = Objects.requireNonNull(format, "format");
        this.file = Objects.requireNonNull(file, "file");
        this.done = Objects.requireNonNull(done, "done");
        setUser(true);
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.RESULTS;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        long rows = table.rowCount();
        SubMonitor sub = SubMonitor.convert(monitor, getName(), (int) Math.min(rows / 1000 + 1, Integer.MAX_VALUE));
        try {
            ResultTable watched = new ResultTable(new Cancellable(table.starTable(), sub), table.status());
            new ResultWriter().write(watched, format, file);
            done.accept(String.format(Locale.ROOT, "Saved %,d rows to %s (%s, %,d bytes)", rows, file,
                    format.id(), Files.size(file)));
            return Status.OK_STATUS;
        } catch (OperationCanceledException | CancelledWrite e) {
            done.accept("Saving " + file + " was cancelled; no file was written.");
            return Status.CANCEL_STATUS;
        } catch (IOException e) {
            if (e.getCause() instanceof CancelledWrite || monitor.isCanceled()) {
                done.accept("Saving " + file + " was cancelled; no file was written.");
                return Status.CANCEL_STATUS;
            }
            done.accept("Could not save " + file + ": " + e.getMessage());
            return new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID, "Could not save " + file + ": " + e.getMessage());
        }
    }

    /** Thrown inside STIL's write loop when the user cancels. */
    private static final class CancelledWrite extends IOException {
        private static final long serialVersionUID = 1L;

        CancelledWrite() {
            super("cancelled");
        }
    }

    /** The table as STIL's writers read it, checking for cancellation and reporting progress per 1,000 rows. */
    private static final class Cancellable extends WrapperStarTable {
        private final SubMonitor monitor;

        Cancellable(StarTable base, SubMonitor monitor) {
            super(base);
            this.monitor = monitor;
        }

        @Override
        public RowSequence getRowSequence() throws IOException {
            return new WrapperRowSequence(super.getRowSequence()) {
                private long row;

                @Override
                public boolean next() throws IOException {
                    if (++row % 1000 == 0) {
                        if (monitor.isCanceled()) {
                            throw new CancelledWrite();
                        }
                        monitor.worked(1);
                    }
                    return super.next();
                }
            };
        }
    }
}
