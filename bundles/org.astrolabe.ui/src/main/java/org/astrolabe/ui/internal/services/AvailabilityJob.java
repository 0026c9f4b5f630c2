package org.astrolabe.ui.internal.services;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.ui.ServicesViews;
import org.astrolabe.ui.internal.Services;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Checks one archive's availability: resolves an ivo:// identifier through the catalogue, then
 * reads the TAP service's VOSI availability with short time-outs, and hands the new row to the
 * view. A failure is an answer ("unreachable: why"), not an error of the job.
 */
final class AvailabilityJob extends Job {

    /** Short: a dead service must not keep its row at "checking…" for minutes. */
    static final TransportSettings SETTINGS = TransportSettings.defaults().withTimeout(Duration.ofSeconds(15));

    private final Archive archive;
    private final Services<ArchiveCatalogue> catalogue;
    private final Services<TapClientFactory> factory;
    private final Consumer<ServiceState> result;

    AvailabilityJob(Archive archive, Services<ArchiveCatalogue> catalogue, Services<TapClientFactory> factory,
            Consumer<ServiceState> result) {
        super("Checking the availability of " + archive.name());
        this.archive = archive;
        this.catalogue = catalogue;
        this.factory = factory;
        this.result = result;
        setSystem(false);
        setUser(false);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ServicesViews.SERVICES_JOB;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 2);
        URI tap = archive.tap().isIvoId() ? null : archive.tap().uri();
        String text;
        try {
            if (tap == null) {
                tap = catalogue.await(sub).resolve(archive, null, sub.split(1)).tap();
            }
            sub.setWorkRemaining(1);
            Availability availability = factory.await(sub).create(tap, SETTINGS).availability(sub.split(1));
            text = describe(availability);
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (AstrolabeException | IllegalArgumentException e) {
            text = "unreachable: " + e.getMessage();
        }
        result.accept(new ServiceState(archive, tap, text));
        return Status.OK_STATUS;
    }

    static String describe(Availability availability) {
        if (availability.available()) {
            return availability.upSince().map(s -> "available (up since " + s + ")").orElse("available");
        }
        String why = availability.notes().isEmpty() ? "" : ": " + String.join("; ", availability.notes());
        return "not available" + availability.backAt().map(b -> " until " + b).orElse("") + why;
    }
}
