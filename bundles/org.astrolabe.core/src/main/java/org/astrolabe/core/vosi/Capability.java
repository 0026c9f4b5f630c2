package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One capability of a service (VOResource {@code capability}).
 *
 * @param standardId the standard it implements (e.g. {@code ivo://ivoa.net/std/TAP}), or "" when
 *        the service gives none
 * @param type the local name of its {@code xsi:type} (e.g. {@code TableAccess}), or ""
 * @param description the service's description, or ""
 * @param interfaces its interfaces in document order, each with its access URLs and security methods
 * @param tap the TAPRegExt metadata when this is a TAP capability ({@code tr:TableAccess} or the
 *        TAP standard id), otherwise empty
 */
public record Capability(String standardId, String type, String description, List<ServiceInterface> interfaces,
        Optional<TapCapability> tap) {

    /** @throws NullPointerException if the interfaces or tap are null */
    public Capability {
        standardId = Objects.requireNonNullElse(standardId, "");
        type = Objects.requireNonNullElse(type, "");
        description = Objects.requireNonNullElse(description, "");
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(tap, "tap");
    }
}
