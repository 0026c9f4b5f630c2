package org.astrolabe.ui.internal.datalink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.Semantics;

/**
 * The links of a DataLink answer grouped by semantics, as the DataLink view's tree shows them:
 * {@code #this} first, then the other terms of the core vocabulary in its order, then other
 * vocabularies' terms, and the error rows last in a group of their own. Immutable.
 *
 * @param groups the groups in display order
 */
public record LinkGroups(List<Group> groups) {

    /** The label of the group of error rows. */
    public static final String ERRORS = "Errors";

    /**
     * One group of links.
     *
     * @param label the semantics term (e.g. {@code #this}) or {@link LinkGroups#ERRORS}
     * @param links the rows, in the service's order
     */
    public record Group(String label, List<DataLink> links) {
        /** Copies the links. */
        public Group {
            links = List.copyOf(links);
        }

        /** @return {@code true} for the group of error rows */
        public boolean isErrors() {
            return ERRORS.equals(label);
        }
    }

    /** Copies the groups. */
    public LinkGroups {
        groups = List.copyOf(groups);
    }

    /** @return the groups of a document */
    public static LinkGroups of(LinksDocument document) {
        Map<String, List<DataLink>> bySemantics = new LinkedHashMap<>();
        List<DataLink> errors = new ArrayList<>();
        for (DataLink link : document.links()) {
            if (link.isError()) {
                errors.add(link);
            } else {
                String term = link.semantics().isEmpty() ? "(no semantics)" : Semantics.normalize(link.semantics());
                bySemantics.computeIfAbsent(term, t -> new ArrayList<>()).add(link);
            }
        }
        List<String> vocabulary = new ArrayList<>(Semantics.core().terms());
        List<Group> groups = new ArrayList<>();
        bySemantics.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<DataLink>> e) -> rank(e.getKey(), vocabulary)))
                .forEach(e -> groups.add(new Group(e.getKey(), e.getValue())));
        if (!errors.isEmpty()) {
            groups.add(new Group(ERRORS, errors));
        }
        return new LinkGroups(groups);
    }

    private static int rank(String term, List<String> vocabulary) {
        if (term.equals("#this")) {
            return -1;
        }
        int index = vocabulary.indexOf(term);
        return index < 0 ? vocabulary.size() : index;
    }

    /** @return every link of every group */
    public List<DataLink> allLinks() {
        return groups.stream().flatMap(g -> g.links().stream()).toList();
    }

    /** @return {@code true} when there is no link and no error */
    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
