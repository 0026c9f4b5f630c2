package org.astrolabe.datalink;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DataLink service descriptor: a {@code RESOURCE type="meta" utype="adhoc:service"} of a
 * {@code {links}} document, which a row's {@code service_def} names. Immutable and thread-safe.
 *
 * @param id the RESOURCE's {@code ID} (what {@code service_def} refers to)
 * @param standardId the {@code standardID} PARAM, e.g. {@code ivo://ivoa.net/std/SODA#sync-1.0}, or ""
 * @param accessUrl the {@code accessURL} PARAM, or {@code null} when missing or not a URL
 * @param resourceIdentifier the {@code resourceIdentifier} PARAM, or ""
 * @param inputs the input parameters in document order
 */
public record ServiceDescriptor(String id, String standardId, URI accessUrl, String resourceIdentifier,
        List<DescriptorParameter> inputs) {

    /** The standardID of a synchronous SODA service. */
    public static final String SODA_SYNC = "ivo://ivoa.net/std/SODA#sync-1.0";
    /** The standardID of an asynchronous SODA service. */
    public static final String SODA_ASYNC = "ivo://ivoa.net/std/SODA#async-1.0";

    /** @throws NullPointerException if the id or the inputs are {@code null} */
    public ServiceDescriptor {
        Objects.requireNonNull(id, "id");
        standardId = Objects.requireNonNullElse(standardId, "");
        resourceIdentifier = Objects.requireNonNullElse(resourceIdentifier, "");
        inputs = List.copyOf(inputs);
    }

    /** @return the input parameter of that name (case-insensitive), if the descriptor declares it */
    public Optional<DescriptorParameter> input(String name) {
        return inputs.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** @return {@code true} for a SODA sync service (any version 1.x of the standard id) */
    public boolean isSodaSync() {
        return standardId.toLowerCase(java.util.Locale.ROOT).startsWith("ivo://ivoa.net/std/soda#sync");
    }

    /** @return {@code true} for a SODA async (UWS) service */
    public boolean isSodaAsync() {
        return standardId.toLowerCase(java.util.Locale.ROOT).startsWith("ivo://ivoa.net/std/soda#async");
    }

    /**
     * Binds the input parameters that refer to a results-table column ({@code ref}) to that
     * column's value in one row, as a descriptor attached to a query result (ObsCore, SSA) asks.
     *
     * @param row the row's values by FIELD {@code ID} (or name, when the FIELD has no ID)
     * @return parameter name to value for every input with a {@code ref} that {@code row} has a
     *         non-blank value for, in descriptor order
     */
    public java.util.Map<String, String> bind(java.util.Map<String, String> row) {
        java.util.Map<String, String> bound = new java.util.LinkedHashMap<>();
        for (DescriptorParameter p : inputs) {
            String value = p.ref().isEmpty() ? null : row.get(p.ref());
            if (value != null && !value.isBlank()) {
                bound.put(p.name(), value);
            }
        }
        return bound;
    }
}
