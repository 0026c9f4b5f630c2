package org.astrolabe.ui.internal.uwsjobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.astrolabe.tap.uws.ExecutionPhase;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;

/** Columns of the Jobs view: job id, phase, service, created, duration, query. UI thread only. */
final class JobsLabelProvider extends LabelProvider implements ITableLabelProvider, ITableColorProvider {

    static final String[] HEADERS = {"Job", "Phase", "Service", "Created", "Duration", "Query"};
    static final int[] WIDTHS = {90, 100, 140, 145, 70, 600};

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final Color RUNNING = new Color(0, 100, 0);
    private static final Color FAILED = new Color(170, 0, 0);
    private static final Color GREY = new Color(110, 110, 110);

    @Override
    public Image getColumnImage(Object element, int column) {
        return null;
    }

    @Override
    public String getColumnText(Object element, int column) {
        if (!(element instanceof JobRow row)) {
            return "";
        }
        return switch (column) {
            case 0 -> row.job().id();
            case 1 -> row.problem().isEmpty() ? row.phase().name() : row.problem();
            case 2 -> row.job().service().getRawAuthority() + row.job().service().getRawPath();
            case 3 -> CREATED.format(row.created());
            case 4 -> row.duration(Instant.now()).map(JobsLabelProvider::duration).orElse("");
            default -> row.job().query().replaceAll("\\s+", " ").strip();
        };
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", Math.max(0, d.toMillis()) / 1000.0);
        }
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    @Override
    public Color getForeground(Object element, int column) {
        if (column != 1 || !(element instanceof JobRow row)) {
            return null;
        }
        ExecutionPhase phase = row.phase();
        return !row.problem().isEmpty() ? GREY : phase.isActive() ? RUNNING
                : phase == ExecutionPhase.ERROR || phase == ExecutionPhase.ABORTED ? FAILED : null;
    }

    @Override
    public Color getBackground(Object element, int column) {
        return null;
    }
}
