package org.astrolabe.tap.internal.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.core.vosi.TablesReader;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.metadata.TapMetadata;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * {@link TapMetadata} over HTTP: VOSI capabilities and tables at {@code {base}/capabilities} and
 * {@code {base}/tables}, TAP_SCHEMA through the client's sync queries when {@code /tables} does not
 * serve. Caches in volatile fields and a concurrent map; thread-safe.
 */
public final class HttpTapMetadata implements TapMetadata {

    private final URI base;
    private final HttpTransport transport;
    private final TapSchemaMetadata tapSchema;
    private final CapabilitiesReader capabilitiesReader = new CapabilitiesReader();
    private final TablesReader tablesReader = new TablesReader();
    private final Map<String, TableMetadata> details = new ConcurrentHashMap<>();
    private volatile Capabilities capabilities;
    private volatile Listing listing;

    /** Where the table listing came from, which decides how to complete a table without columns. */
    private record Listing(TableSet tables, boolean fromVosi) {
    }

    /**
     * @param client the TAP client of the service, used for TAP_SCHEMA queries
     * @param transport the transport for VOSI requests, with the client's settings
     */
    public HttpTapMetadata(TapClient client, HttpTransport transport) {
        this.base = client.baseUri();
        this.transport = transport;
        this.tapSchema = new TapSchemaMetadata(client);
    }

    @Override
    public URI baseUri() {
        return base;
    }

    @Override
    public Capabilities capabilities(IProgressMonitor monitor) throws AstrolabeException {
        Capabilities c = capabilities;
        if (c == null) {
            URI uri = URI.create(base + "/capabilities");
            c = get(HttpRequest.get(uri), monitor, (in, from) -> capabilitiesReader.read(in, from), "capabilities");
            capabilities = c;
        }
        return c;
    }

    @Override
    public TableSet tables(IProgressMonitor monitor) throws AstrolabeException {
        return listing(monitor).tables();
    }

    private Listing listing(IProgressMonitor monitor) throws AstrolabeException {
        Listing l = listing;
        if (l != null) {
            return l;
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Listing the tables of " + base.getHost(), 2);
        URI uri = URI.create(base + "/tables");
        HttpRequest request = new HttpRequest("GET", uri, List.of(), List.of(new Parameter("detail", "min")), true);
        try {
            l = new Listing(get(request, sub.split(1), (in, from) -> tablesReader.read(in, from), "table list"), true);
        } catch (NotFoundException | ServiceFailureException | InvalidInputException vosiFailed) {
            try {
                l = new Listing(tapSchema.tables(sub.split(1)), false);
            } catch (AstrolabeException tapSchemaFailed) {
                vosiFailed.addSuppressed(tapSchemaFailed);
                throw vosiFailed;
            }
        }
        listing = l;
        return l;
    }

    @Override
    public TableMetadata table(String name, IProgressMonitor monitor) throws AstrolabeException {
        String n = TapSchemaMetadata.requireName(name);
        TableMetadata known = cached(n);
        if (known != null) {
            return known;
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Reading table " + n, 3);
        Optional<TableMetadata> one = perTable(n, sub.split(1));
        if (one.isPresent()) {
            return remember(n, one.get());
        }
        Listing l = listing(sub.split(1));
        TableMetadata listed = l.tables().table(n).orElseThrow(() -> new NotFoundException("The service at " + base
                + " has no table '" + n + "' (see its table list)", URI.create(base + "/tables")));
        if (listed.hasColumns()) {
            return remember(n, listed);
        }
        if (!listed.name().equals(n)) {
            Optional<TableMetadata> canonical = perTable(listed.name(), sub.split(0));
            if (canonical.isPresent()) {
                return remember(n, canonical.get());
            }
        }
        try {
            return remember(n, tapSchema.table(listed.name(), sub.split(1)));
        } catch (NotFoundException | ServiceFailureException | InvalidInputException noTapSchema) {
            if (!l.fromVosi()) {
                throw noTapSchema;
            }
            // Neither per-table detail nor TAP_SCHEMA: the full VOSI document has the columns.
            TableSet full = get(HttpRequest.get(URI.create(base + "/tables")), sub.split(0),
                    (in, from) -> tablesReader.read(in, from), "table list");
            TableMetadata t = full.table(listed.name()).filter(TableMetadata::hasColumns).orElseThrow(() -> noTapSchema);
            return remember(n, t);
        }
    }

    private TableMetadata cached(String name) {
        TableMetadata t = details.get(name);
        if (t != null) {
            return t;
        }
        List<TableMetadata> loose = details.values().stream().filter(d -> d.name().equalsIgnoreCase(name)).distinct()
                .toList();
        if (loose.size() == 1) {
            return loose.get(0);
        }
        Listing l = listing;
        return l == null ? null : l.tables().table(name).filter(TableMetadata::hasColumns).orElse(null);
    }

    private TableMetadata remember(String asked, TableMetadata table) {
        details.put(asked, table);
        details.put(table.name(), table);
        return table;
    }

    /**
     * Asks the VOSI 1.1 per-table endpoint. Empty when the service does not serve it (or not for
     * this name): the listing then decides whether the table exists.
     */
    private Optional<TableMetadata> perTable(String name, IProgressMonitor monitor) throws AstrolabeException {
        URI uri = URI.create(base + "/tables/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        try {
            TableSet set = get(HttpRequest.get(uri), monitor, (in, from) -> tablesReader.read(in, from), "table");
            return set.table(name).or(() -> set.tables().size() == 1 ? Optional.of(set.tables().get(0)) : Optional.empty())
                    .filter(TableMetadata::hasColumns);
        } catch (NotFoundException | ServiceFailureException | InvalidInputException unsupported) {
            return Optional.empty();
        }
    }

    @Override
    public TableSet tapSchemaTables(IProgressMonitor monitor) throws AstrolabeException {
        return tapSchema.tables(monitor);
    }

    @Override
    public TableMetadata tapSchemaTable(String name, IProgressMonitor monitor) throws AstrolabeException {
        return tapSchema.table(name, monitor);
    }

    @Override
    public void forget() {
        capabilities = null;
        listing = null;
        details.clear();
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(InputStream in, URI from) throws InvalidInputException, TransientException;
    }

    private <T> T get(HttpRequest request, IProgressMonitor monitor, Parser<T> parser, String what)
            throws AstrolabeException {
        try (HttpResult result = HttpFailures.requireSuccess(transport.send(request, monitor));
                InputStream body = result.body()) {
            return parser.parse(body, result.uri());
        } catch (IOException e) {
            throw new TransientException("The " + what + " of " + base + " could not be read: " + e.getMessage(),
                    request.uri(), null, e);
        }
    }

    @Override
    public String toString() {
        return "TAP metadata of " + base;
    }
}
