package org.astrolabe.ui.internal.services;

import java.net.URI;
import java.util.Objects;

import org.astrolabe.archive.Archive;

/**
 * One row of the Services view: an archive, its TAP URL once known (identifiers are resolved by
 * the availability check) and the outcome of that check. Immutable.
 *
 * @param archive the archive
 * @param tap the TAP base URL, or {@code null} while an identifier is not resolved
 * @param availability what the last check found, for the user
 */
public record ServiceState(Archive archive, URI tap, String availability) {

    /** Shown until the first check has finished. */
    public static final String CHECKING = "checking…";

    /** @throws NullPointerException if the archive or availability is null */
    public ServiceState {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(availability, "availability");
    }

    /** @return a row for an archive not checked yet; URL addresses are known at once */
    public static ServiceState unchecked(Archive archive) {
        return new ServiceState(archive, archive.tap().isIvoId() ? null : archive.tap().uri(), CHECKING);
    }

    /** @return the archive's short name */
    public String name() {
        return archive.name();
    }

    /**
     * @param text a state as the checks word it ("available (up since …)", "unreachable: why",
     *        "logged in (HTTP Basic)")
     * @return its first words, for a narrow column; the whole text goes in the tooltip
     */
    public static String headline(String text) {
        int cut = text.length();
        for (String stop : new String[] {" (", ":"}) {
            int i = text.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return text.substring(0, cut);
    }
}
