package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's VOSI capabilities document: what it offers and at which URLs. Immutable and
 * thread-safe.
 *
 * @param capabilities the capabilities in document order
 * @param warnings where the document deviates from the schema in ways it survives (a repeated
 *        element, an empty output format), each naming its line; empty for a clean document
 */
public record Capabilities(List<Capability> capabilities, List<String> warnings) {

    /** The standard id of TAP. */
    public static final String TAP = "ivo://ivoa.net/std/TAP";
    /** The standard id prefix of VOSI tables (1.0 as {@code #tables}, 1.1 as {@code #tables-1.1}). */
    public static final String VOSI_TABLES = "ivo://ivoa.net/std/VOSI#tables";

    /** @throws NullPointerException if a list is null */
    public Capabilities {
        capabilities = List.copyOf(capabilities);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param standardId a standard id, compared without regard to case (ivo ids are case-insensitive)
     * @return the capabilities with exactly that standard id, in document order
     */
    public List<Capability> find(String standardId) {
        Objects.requireNonNull(standardId, "standardId");
        return capabilities.stream().filter(c -> c.standardId().equalsIgnoreCase(standardId)).toList();
    }

    /** @return the first capability that describes TAP with TAPRegExt metadata, if any */
    public Optional<Capability> tapCapability() {
        return capabilities.stream().filter(c -> c.tap().isPresent()).findFirst();
    }

    /** @return the TAPRegExt metadata of the TAP capability, if the service gives it */
    public Optional<TapCapability> tap() {
        return tapCapability().flatMap(Capability::tap);
    }

    /** @return whether the service declares VOSI tables 1.1 (per-table detail and {@code detail=min}) */
    public boolean hasTables11() {
        return capabilities.stream().anyMatch(c -> c.standardId().equalsIgnoreCase(VOSI_TABLES + "-1.1"));
    }
}
