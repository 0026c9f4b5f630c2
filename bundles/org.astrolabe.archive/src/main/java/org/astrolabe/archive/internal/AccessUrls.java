package org.astrolabe.archive.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.astrolabe.archive.DataUrls;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.LinkFilter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Data URLs of an ObsCore service without a DataLink service of its own: ObsCore's
 * {@code access_url}; where its {@code access_format} says DataLink, that document's links.
 */
final class AccessUrls {

    private final TapClient tap;
    private final DataLinkResolver dataLinks;

    AccessUrls(TapClient tap, DataLinkResolver dataLinks) {
        this.tap = tap;
        this.dataLinks = dataLinks;
    }

    DataUrls resolve(List<String> ids, boolean auxiliaries, IProgressMonitor monitor) throws AstrolabeException {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        SubMonitor sub = SubMonitor.convert(monitor, unique.size() / TapArchiveRecipes.DATALINK_BATCH + 2);
        Map<String, String[]> access = new LinkedHashMap<>();
        for (int i = 0; i < unique.size(); i += TapArchiveRecipes.DATALINK_BATCH) {
            List<String> batch = unique.subList(i, Math.min(unique.size(), i + TapArchiveRecipes.DATALINK_BATCH));
            ResultTable t = tap.query(TapQuery.of(ObsCoreAdql.accessUrls(batch)), sub.split(1));
            try {
                for (long r = 0; r < t.rowCount(); r++) {
                    access.put(text(t.cell(r, 0)), new String[] {text(t.cell(r, 1)), text(t.cell(r, 2))});
                }
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the access URLs from " + tap.baseUri() + ": "
                        + e.getMessage(), tap.baseUri(), e);
            }
        }
        List<DataLink> links = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LinkFilter filter = new LinkFilter(List.of(), auxiliaries, false, false);
        for (String id : unique) {
            String[] a = access.get(id);
            if (a == null || a[0].isEmpty()) {
                problems.add(id + ": not in ivoa.ObsCore or no access_url");
                continue;
            }
            URI url;
            try {
                url = new URI(a[0]);
            } catch (URISyntaxException e) {
                problems.add(id + ": access_url is not a URL: " + a[0]);
                continue;
            }
            if (!a[1].toLowerCase(Locale.ROOT).contains("datalink")) {
                links.add(new DataLink(id, url, "", "", "#this", "", a[1], -1, "", "", "", null));
                continue;
            }
            String[] split = splitId(url);
            LinksDocument doc = dataLinks.resolve(URI.create(split[0]), List.of(split[1]),
                    ResolveOptions.defaults(), sub.split(1));
            doc.errors().forEach(e -> problems.add(id + ": " + e.errorMessage()));
            doc.select(l -> l.accessUrl() != null && filter.test(l))
                    .forEach(l -> links.add(new DataLink(id, l.accessUrl(), "", "", l.semantics(), l.description(),
                            l.contentType(), l.contentLength(), l.contentQualifier(), l.localSemantics(), l.linkAuth(),
                            l.linkAuthorized())));
        }
        return new DataUrls(links, problems);
    }

    /** @return the DataLink endpoint without its ID parameter, and that ID */
    private static String[] splitId(URI url) throws InvalidInputException {
        String s = url.toString();
        int q = s.indexOf('?');
        if (q >= 0) {
            List<String> rest = new ArrayList<>();
            String id = null;
            for (String p : s.substring(q + 1).split("&")) {
                if (p.regionMatches(true, 0, "ID=", 0, 3)) {
                    id = URLDecoder.decode(p.substring(3), StandardCharsets.UTF_8);
                } else if (!p.isEmpty()) {
                    rest.add(p);
                }
            }
            if (id != null) {
                return new String[] {s.substring(0, q) + (rest.isEmpty() ? "" : "?" + String.join("&", rest)), id};
            }
        }
        throw new InvalidInputException("The DataLink access_url " + url + " has no ID parameter", url, null);
    }

    private static String text(Object cell) {
        return cell == null ? "" : cell.toString().strip();
    }
}
