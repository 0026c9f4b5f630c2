package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's VOSI availability document.
 *
 * @param available whether the service says it is accepting requests
 * @param upSince when it came up, as written by the service (ISO 8601), if given
 * @param downAt when it is scheduled to go down, if given
 * @param backAt when it is expected back, if given
 * @param notes the service's notes, in document order
 */
public record Availability(boolean available, Optional<String> upSince, Optional<String> downAt,
        Optional<String> backAt, List<String> notes) {

    /** @throws NullPointerException if an optional or the notes are null */
    public Availability {
        Objects.requireNonNull(upSince, "upSince");
        Objects.requireNonNull(downAt, "downAt");
        Objects.requireNonNull(backAt, "backAt");
        notes = List.copyOf(notes);
    }
}
