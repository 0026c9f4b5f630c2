package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.query.QueryView;
import org.astrolabe.ui.internal.results.ResultsView;
import org.astrolabe.ui.internal.schema.SchemaView;
import org.astrolabe.ui.internal.uwsjobs.JobsView;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/** The Astrolabe views of a page, opened and brought to the front. UI thread only. */
final class Views {

    private Views() {
    }

    static QueryView query(IWorkbenchPage page) throws PartInitException {
        return (QueryView) show(page, AstrolabeUi.QUERY_VIEW_ID);
    }

    static ResultsView results(IWorkbenchPage page) throws PartInitException {
        return (ResultsView) show(page, AstrolabeUi.RESULTS_VIEW_ID);
    }

    static SchemaView schema(IWorkbenchPage page) throws PartInitException {
        return (SchemaView) show(page, AstrolabeUi.SCHEMA_VIEW_ID);
    }

    static JobsView jobs(IWorkbenchPage page) throws PartInitException {
        return (JobsView) show(page, AstrolabeUi.JOBS_VIEW_ID);
    }

    private static Object show(IWorkbenchPage page, String id) throws PartInitException {
        Object view = page.showView(id);
        assertNotNull(view, id);
        UiWait.processEvents();
        return view;
    }

    /** Waits until no job of {@code family} is waiting or running. */
    static void idle(Object family, Duration timeout) {
        UiWait.until(() -> Job.getJobManager().find(family).length == 0, timeout, "the " + family + " jobs to end",
                () -> java.util.Arrays.toString(Job.getJobManager().find(family)));
        UiWait.spin(Duration.ofMillis(150));
    }

    static void metadataIdle() {
        idle(JobFamilies.METADATA, Duration.ofSeconds(30));
    }
}
