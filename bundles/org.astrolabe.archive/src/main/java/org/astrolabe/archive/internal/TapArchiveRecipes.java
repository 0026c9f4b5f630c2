package org.astrolabe.archive.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

import org.astrolabe.archive.ArchiveRecipes;
import org.astrolabe.archive.CutoutUrl;
import org.astrolabe.archive.CutoutUrls;
import org.astrolabe.archive.DataUrls;
import org.astrolabe.archive.ImageFile;
import org.astrolabe.archive.Images;
import org.astrolabe.archive.Profile;
import org.astrolabe.archive.RegionQuery;
import org.astrolabe.archive.ResolvedArchive;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.LinkFilter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.fits.FitsFile;
import org.astrolabe.datalink.fits.FitsReader;
import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.ac.starlink.table.RowPermutedStarTable;

/** The archive recipes over TAP, DataLink, SODA, downloads and FITS. Thread-safe (stateless). */
@Component(service = ArchiveRecipes.class)
public final class TapArchiveRecipes implements ArchiveRecipes {

    /** DataLink identifiers per request, as astroquery.cadc sends them. */
    static final int DATALINK_BATCH = 20;

    private final TapClientFactory tap;
    private final DataLinkResolver dataLinks;
    private final CutoutService cutouts;
    private final DownloadManager downloads;
    private final FitsReader fits;
    /** The transport settings of {@link #withSettings}, or {@code null} for the services' own. */
    private final org.astrolabe.core.http.TransportSettings settings;

    /**
     * @param tap TAP clients
     * @param dataLinks the DataLink resolver
     * @param cutouts SODA parameters, checked against the descriptors
     * @param downloads the download manager
     * @param fits the FITS reader
     */
    @Activate
    public TapArchiveRecipes(@Reference TapClientFactory tap, @Reference DataLinkResolver dataLinks,
            @Reference CutoutService cutouts, @Reference DownloadManager downloads, @Reference FitsReader fits) {
        this(tap, dataLinks, cutouts, downloads, fits, null);
    }

    private TapArchiveRecipes(TapClientFactory tap, DataLinkResolver dataLinks, CutoutService cutouts,
            DownloadManager downloads, FitsReader fits, org.astrolabe.core.http.TransportSettings settings) {
        this.tap = tap;
        this.dataLinks = dataLinks;
        this.cutouts = cutouts;
        this.downloads = downloads;
        this.fits = fits;
        this.settings = settings;
    }

    @Override
    public ArchiveRecipes withSettings(org.astrolabe.core.http.TransportSettings other) {
        return new TapArchiveRecipes(tap, dataLinks.withSettings(other), cutouts.withSettings(other),
                downloads.withSettings(other), fits, other);
    }

    private TapClient client(ResolvedArchive archive) {
        return settings == null ? tap.create(archive.tap()) : tap.create(archive.tap(), settings);
    }

    @Override
    public Map<String, List<String>> collections(ResolvedArchive archive, IProgressMonitor monitor)
            throws AstrolabeException {
        boolean caom2 = archive.profile() == Profile.CAOM2;
        ResultTable t = client(archive).query(TapQuery.of(caom2 ? Caom2Adql.collections() : ObsCoreAdql.collections()),
                monitor);
        Map<String, TreeSet<String>> folded = new TreeMap<>();
        try {
            for (long r = 0; r < t.rowCount(); r++) {
                Object name = t.cell(r, 0);
                if (name == null || name.toString().isBlank()) {
                    continue;
                }
                TreeSet<String> bands = folded.computeIfAbsent(name.toString().strip(), k -> new TreeSet<>());
                if (caom2) {
                    Object band = t.cell(r, 1);
                    if (band != null && !band.toString().isBlank()) {
                        bands.add(band.toString().strip());
                    }
                } else {
                    bands.addAll(EmBands.of(number(t.cell(r, 1)), number(t.cell(r, 2))));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the collections of " + archive.tap() + ": " + e.getMessage(),
                    archive.tap(), e);
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        folded.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return result;
    }

    private static double number(Object cell) {
        return cell instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public ResultTable region(ResolvedArchive archive, RegionQuery query, IProgressMonitor monitor)
            throws AstrolabeException {
        String adql = archive.profile() == Profile.CAOM2 ? Caom2Adql.region(query) : ObsCoreAdql.region(query);
        return client(archive).query(withMaxrec(TapQuery.of(adql), query.maxrec()), monitor);
    }

    private static TapQuery withMaxrec(TapQuery q, OptionalLong maxrec) {
        return maxrec.isPresent() ? q.withMaxrec(maxrec.getAsLong()) : q;
    }

    @Override
    public ResultTable name(ResolvedArchive archive, String target, OptionalLong maxrec, IProgressMonitor monitor)
            throws AstrolabeException {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Give a target name (or part of one)");
        }
        String t = target.strip();
        String adql = archive.profile() == Profile.CAOM2 ? Caom2Adql.name(t) : ObsCoreAdql.name(t);
        ResultTable table = client(archive).query(withMaxrec(TapQuery.of(adql), maxrec), monitor);
        return keepContaining(table, "target_name", t, archive.tap());
    }

    /** Keeps the rows whose column contains {@code part} exactly (LIKE's '_' may have matched other characters). */
    static ResultTable keepContaining(ResultTable table, String column, String part, URI source)
            throws InvalidInputException {
        int c = column(table, column);
        List<Long> keep = new ArrayList<>();
        try {
            for (long r = 0; r < table.rowCount(); r++) {
                Object v = table.cell(r, c);
                if (v != null && Adql.containsIgnoreCase(v.toString(), part)) {
                    keep.add(r);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the result of " + source + ": " + e.getMessage(), source, e);
        }
        if (keep.size() == table.rowCount()) {
            return table;
        }
        long[] rows = keep.stream().mapToLong(Long::longValue).toArray();
        return new ResultTable(new RowPermutedStarTable(table.starTable(), rows), table.status());
    }

    private static int column(ResultTable table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("The table has no column " + name + " (columns: "
                + table.columns().stream().map(c -> c.name()).toList() + ")");
    }

    @Override
    public List<String> ids(ResolvedArchive archive, ResultTable table) throws IOException {
        String name = archive.profile().idColumn();
        int c = column(table, name);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (long r = 0; r < table.rowCount(); r++) {
            Object v = table.cell(r, c);
            if (v != null && !v.toString().isBlank()) {
                ids.add(v.toString().strip());
            }
        }
        return List.copyOf(ids);
    }

    /** @return the DataLink endpoint with the archive's REQUEST added */
    static URI dataLinkEndpoint(ResolvedArchive archive) throws InvalidInputException {
        URI dl = archive.dataLink();
        if (dl == null) {
            throw new InvalidInputException("Archive " + archive.archive().name() + " (" + archive.tap()
                    + ") has no DataLink service", archive.tap(), null);
        }
        String request = archive.archive().dataLinkRequest();
        if (request.isEmpty()) {
            return dl;
        }
        String s = dl.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + "REQUEST="
                + java.net.URLEncoder.encode(request, java.nio.charset.StandardCharsets.UTF_8));
    }

    private LinksDocument resolve(ResolvedArchive archive, List<String> ids, IProgressMonitor monitor)
            throws AstrolabeException {
        return dataLinks.resolve(dataLinkEndpoint(archive), ids,
                ResolveOptions.defaults().withBatchSize(DATALINK_BATCH), monitor);
    }

    @Override
    public DataUrls dataUrls(ResolvedArchive archive, List<String> ids, boolean auxiliaries, IProgressMonitor monitor)
            throws AstrolabeException {
        if (ids.isEmpty()) {
            return new DataUrls(List.of(), List.of());
        }
        if (archive.dataLink() == null && archive.profile() == Profile.OBSCORE) {
            return new AccessUrls(client(archive), dataLinks).resolve(ids, auxiliaries, monitor);
        }
        LinksDocument doc = resolve(archive, ids, monitor);
        LinkFilter filter = new LinkFilter(List.of(), auxiliaries, false, false);
        List<DataLink> kept = doc.select(l -> l.accessUrl() != null && filter.test(l));
        List<String> problems = new ArrayList<>();
        for (DataLink e : doc.errors()) {
            problems.add(e.id() + ": " + e.errorMessage());
        }
        for (String id : new LinkedHashSet<>(ids)) {
            boolean hasLink = kept.stream().anyMatch(l -> l.id().equals(id));
            boolean hasError = doc.errors().stream().anyMatch(l -> l.id().equals(id));
            if (!hasLink && !hasError) {
                problems.add(id + ": no downloadable file (no #this link)");
            }
        }
        return new DataUrls(kept, problems);
    }

    @Override
    public CutoutUrls imageUrls(ResolvedArchive archive, List<String> ids, SkyPosition position, Angle radius,
            IProgressMonitor monitor) throws AstrolabeException {
        if (ids.isEmpty()) {
            return new CutoutUrls(List.of(), List.of());
        }
        LinksDocument doc = resolve(archive, ids, monitor);
        Circle circle = new Circle(position.ra(), position.dec(), radius.degrees());
        List<CutoutUrl> urls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            List<DataLink> rows = doc.forId(id);
            var error = rows.stream().filter(DataLink::isError).findFirst();
            if (error.isPresent()) {
                problems.add(id + ": " + error.get().errorMessage());
                continue;
            }
            var descriptor = rows.stream().filter(l -> l.semantics().equals("#cutout")).map(doc::descriptor)
                    .flatMap(java.util.Optional::stream).filter(ServiceDescriptor::isSodaSync).findFirst()
                    .or(() -> doc.sodaDescriptor(id, false));
            if (descriptor.isEmpty() || descriptor.get().accessUrl() == null) {
                problems.add(id + ": no SODA cutout service (#cutout) in its DataLink links");
                continue;
            }
            try {
                List<HttpRequest.Parameter> params = cutouts.parameters(descriptor.get(),
                        CutoutRequest.of(id).pos(circle).build());
                urls.add(new CutoutUrl(id, SodaUrls.get(descriptor.get().accessUrl(), params)));
            } catch (InvalidInputException e) {
                problems.add(id + ": " + e.getMessage());
            }
        }
        return new CutoutUrls(urls, problems);
    }

    @Override
    public Images images(ResolvedArchive archive, RegionQuery query, Path directory, IProgressMonitor monitor)
            throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Cutouts around " + query.position(), 10);
        ResultTable table = region(archive, query, sub.split(2));
        List<String> ids;
        try {
            ids = ids(archive, table);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the result of " + archive.tap() + ": " + e.getMessage(),
                    archive.tap(), e);
        }
        CutoutUrls urls = imageUrls(archive, ids, query.position(), query.radius(), sub.split(2));
        List<ImageFile> files = download(urls.urls().stream().map(CutoutUrl::url).toList(), directory, sub.split(6));
        return new Images(files, urls.problems());
    }

    /** Downloads the URLs and opens each file as FITS; every failure becomes the file's problem. */
    List<ImageFile> download(List<URI> urls, Path directory, IProgressMonitor monitor) {
        if (urls.isEmpty()) {
            return List.of();
        }
        List<DownloadOutcome> outcomes = downloads.download(urls, DownloadOptions.into(directory), monitor);
        List<ImageFile> files = new ArrayList<>();
        for (DownloadOutcome o : outcomes) {
            if (o.status() != DownloadOutcome.Status.DOWNLOADED) {
                files.add(new ImageFile(o.url(), o.file(), 0, o.describe()));
                continue;
            }
            try (FitsFile f = fits.open(o.file(), FitsReader.Mode.LAZY)) {
                files.add(new ImageFile(o.url(), o.file(), f.hdus().size(), ""));
            } catch (InvalidInputException e) {
                files.add(new ImageFile(o.url(), o.file(), 0, e.getMessage()));
            }
        }
        return files;
    }

    /** @return a lower-case copy, for messages */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
