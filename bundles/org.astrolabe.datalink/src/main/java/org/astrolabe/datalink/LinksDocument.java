package org.astrolabe.datalink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The links of one or more DataLink answers, with their service descriptors. Immutable and
 * thread-safe. When several answers are merged (batched resolution), descriptor IDs that clash
 * between answers are renamed and the links' {@code service_def} rewritten to match, so that
 * {@link #descriptor(DataLink)} always finds the descriptor of the row's own answer.
 *
 * @param links every row, error rows included, in service order (batch by batch)
 * @param descriptors the service descriptors by their RESOURCE ID
 */
public record LinksDocument(List<DataLink> links, Map<String, ServiceDescriptor> descriptors) {

    /** Copies both collections. */
    public LinksDocument {
        links = List.copyOf(links);
        descriptors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptors));
    }

    /** @return the descriptor a row's {@code service_def} names, if the document has it */
    public Optional<ServiceDescriptor> descriptor(DataLink link) {
        return link.isService() ? Optional.ofNullable(descriptors.get(link.serviceDef())) : Optional.empty();
    }

    /** @return the error rows: IDs (or single links) the service could not resolve */
    public List<DataLink> errors() {
        return links.stream().filter(DataLink::isError).toList();
    }

    /** @return the rows that {@code filter} accepts, error rows excluded */
    public List<DataLink> select(Predicate<DataLink> filter) {
        return links.stream().filter(l -> !l.isError()).filter(filter).toList();
    }

    /** @return the rows of one dataset identifier */
    public List<DataLink> forId(String id) {
        return links.stream().filter(l -> l.id().equals(id)).toList();
    }

    /**
     * @param id a dataset identifier
     * @param async {@code true} for the SODA async (UWS) descriptor, {@code false} for the sync one
     * @return that dataset's SODA descriptor of that kind (a {@code #cutout} or {@code #proc}
     *         row's first, else any service row's), if its rows name one
     */
    public Optional<ServiceDescriptor> sodaDescriptor(String id, boolean async) {
        Optional<ServiceDescriptor> fromCutout = forId(id).stream()
                .filter(l -> l.semantics().equals("#cutout") || l.semantics().equals("#proc"))
                .map(this::descriptor).flatMap(Optional::stream)
                .filter(d -> async ? d.isSodaAsync() : d.isSodaSync()).findFirst();
        return fromCutout.or(() -> forId(id).stream().map(this::descriptor).flatMap(Optional::stream)
                .filter(d -> async ? d.isSodaAsync() : d.isSodaSync()).findFirst());
    }
}
