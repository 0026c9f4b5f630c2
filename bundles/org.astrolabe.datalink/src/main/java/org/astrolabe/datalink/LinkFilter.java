package org.astrolabe.datalink;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which links to keep, by semantics, with the vocabulary's hierarchy ({@code #preview} keeps
 * {@code #preview-image}). Error rows are never "kept": they are reported separately by
 * {@link LinksDocument#errors()}. Immutable and thread-safe.
 *
 * @param terms the semantics to keep (with everything narrower); empty means the defaults below
 * @param auxiliaries with empty {@code terms}: also keep {@code #auxiliary} and {@code #calibration} links
 * @param previews with empty {@code terms}: also keep {@code #preview} links
 * @param packages keep {@code #package} links (skipped unless asked, even when a term matches)
 */
public record LinkFilter(List<String> terms, boolean auxiliaries, boolean previews, boolean packages)
        implements Predicate<DataLink> {

    /** Normalises the terms. */
    public LinkFilter {
        terms = terms.stream().map(Semantics::normalize).toList();
    }

    /** @return only {@code #this} links */
    public static LinkFilter thisOnly() {
        return new LinkFilter(List.of(), false, false, false);
    }

    /** @return {@code #this} links with the auxiliaries (and calibrations) and the previews */
    public static LinkFilter withAuxiliariesAndPreviews() {
        return new LinkFilter(List.of(), true, true, false);
    }

    /** @return the given semantics (and narrower terms) */
    public static LinkFilter of(List<String> semantics) {
        return new LinkFilter(semantics, false, false, semantics.stream().map(Semantics::normalize)
                .anyMatch("#package"::equals));
    }

    @Override
    public boolean test(DataLink link) {
        Semantics vocabulary = Semantics.core();
        String s = link.semantics();
        if (!packages && vocabulary.isA(s, "#package")) {
            return false;
        }
        if (!terms.isEmpty()) {
            return terms.stream().anyMatch(t -> vocabulary.isA(s, t));
        }
        return vocabulary.isA(s, "#this")
                || auxiliaries && (vocabulary.isA(s, "#auxiliary") || vocabulary.isA(s, "#calibration"))
                || previews && vocabulary.isA(s, "#preview");
    }
}
