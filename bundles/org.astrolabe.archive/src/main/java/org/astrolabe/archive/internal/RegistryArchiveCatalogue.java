package org.astrolabe.archive.internal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.archive.Profile;
import org.astrolabe.archive.ResolvedArchive;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.registry.RegistryResolver;
import org.astrolabe.core.registry.ServiceAddress;
import org.astrolabe.core.vosi.Capabilities;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The archive catalogue: presets, the user's archives in {@code archives.properties} (bundle data
 * area, else {@code ~/.astrolabe}), identifiers resolved through resource-caps and VOSI
 * capabilities, results cached for a refresh period in memory and, for archives named by
 * identifiers, in {@code resolved-endpoints.properties} beside it (so that one command line after
 * another does not read the registry each time). Thread-safe.
 */
@Component(service = ArchiveCatalogue.class)
public final class RegistryArchiveCatalogue implements ArchiveCatalogue {

    /** How long resolved endpoints are reused. */
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    /** Environment variable naming the default resource-caps document. */
    public static final String REGISTRY_ENV = "ASTROLABE_REGISTRY";

    static final String TAP = "ivo://ivoa.net/std/TAP";
    static final String DATALINK = "ivo://ivoa.net/std/DataLink#links-1.1";

    private final HttpTransport transport;
    private final ArchiveStore store;
    private final List<Archive> presets;
    private final URI defaultRegistry;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, ResolvedArchive> cache = new HashMap<>();
    private final ResolvedCache disk;

    /**
     * The OSGi component.
     *
     * @param transport the HTTP transport
     * @param context this bundle's context (for its data area)
     */
    @Activate
    public RegistryArchiveCatalogue(@Reference HttpTransport transport, BundleContext context) {
        this(transport, storeFile(context), defaultRegistry(), localBase(), DEFAULT_REFRESH, Clock.systemUTC());
    }

    /**
     * @param transport the HTTP transport
     * @param file where the user's archives are kept
     * @param defaultRegistry the resource-caps document for archives that name none
     * @param localBase the local test server's base URL (preset {@code local})
     * @param refresh how long resolved endpoints are reused
     * @param clock the time source
     */
    public RegistryArchiveCatalogue(HttpTransport transport, Path file, URI defaultRegistry, String localBase,
            Duration refresh, Clock clock) {
        this.transport = transport;
        this.store = new ArchiveStore(file);
        this.disk = new ResolvedCache(file.resolveSibling("resolved-endpoints.properties"));
        this.presets = Presets.all(localBase);
        this.defaultRegistry = defaultRegistry;
        this.refresh = refresh;
        this.clock = clock;
    }

    private static Path storeFile(BundleContext context) {
        File data = context == null ? null : context.getDataFile("archives.properties");
        return data != null ? data.toPath() : Path.of(System.getProperty("user.home"), ".astrolabe", "archives.properties");
    }

    /** @return {@code $ASTROLABE_REGISTRY}, else CADC's resource-caps */
    public static URI defaultRegistry() {
        String env = System.getenv(REGISTRY_ENV);
        return env == null || env.isBlank() ? RegistryResolver.CADC_RESOURCE_CAPS : URI.create(env.strip());
    }

    /** @return {@code $ASTROLABE_LOCAL_URL}, else the test server's default URL */
    public static String localBase() {
        String env = System.getenv("ASTROLABE_LOCAL_URL");
        String base = env == null || env.isBlank() ? Presets.LOCAL_DEFAULT : env.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** @return the file the user's archives are kept in */
    public Path storeFile() {
        return store.file();
    }

    @Override
    public synchronized List<Archive> archives() {
        List<Archive> all = new ArrayList<>(presets);
        for (Archive a : store.load()) {
            if (presets.stream().noneMatch(p -> p.name().equals(a.name()))) {
                all.add(a);
            }
        }
        return all;
    }

    @Override
    public Optional<Archive> find(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return archives().stream().filter(a -> a.name().equals(n)).findFirst();
    }

    @Override
    public Archive lookup(String service) {
        String s = service == null ? "" : service.strip();
        Optional<Archive> named = find(s);
        if (named.isPresent()) {
            return named.get();
        }
        if (!s.contains(":")) {
            throw new IllegalArgumentException("Unknown archive '" + service + "': give one of "
                    + archives().stream().map(Archive::name).toList() + ", a TAP base URL or an ivo:// identifier");
        }
        ServiceAddress address = ServiceAddress.parse(s);
        for (Archive a : archives()) {
            if (a.tap().uri().toString().equalsIgnoreCase(address.uri().toString())) {
                return a;
            }
        }
        return Archive.of("service", Profile.OBSCORE, address);
    }

    @Override
    public synchronized Archive add(Archive archive) throws IOException {
        if (presets.stream().anyMatch(p -> p.name().equals(archive.name()))) {
            throw new IllegalArgumentException("'" + archive.name() + "' is a preset; choose another name");
        }
        Archive saved = new Archive(archive.name(), archive.title(), archive.profile(), archive.tap(),
                archive.dataLink(), archive.login(), archive.coneSearch(), archive.sia(), archive.sia2(),
                archive.registry(), archive.dataLinkRequest(), false);
        List<Archive> all = new ArrayList<>(store.load());
        all.removeIf(a -> a.name().equals(saved.name()));
        all.add(saved);
        store.save(all);
        return saved;
    }

    @Override
    public synchronized boolean remove(String name) throws IOException {
        if (presets.stream().anyMatch(p -> p.name().equals(name))) {
            throw new IllegalArgumentException("'" + name + "' is a preset and cannot be removed");
        }
        List<Archive> all = new ArrayList<>(store.load());
        boolean removed = all.removeIf(a -> a.name().equals(name));
        if (removed) {
            store.save(all);
        }
        return removed;
    }

    @Override
    public ResolvedArchive resolve(Archive archive, URI registry, IProgressMonitor monitor) throws AstrolabeException {
        URI reg = registry != null ? registry : archive.registry() != null ? archive.registry() : defaultRegistry;
        String key = archive + "|" + reg;
        Instant now = clock.instant();
        synchronized (cache) {
            ResolvedArchive cached = cache.get(key);
            if (cached == null && archive.tap().isIvoId()) {
                cached = disk.get(archive, reg).orElse(null);
            }
            if (cached != null && cached.resolvedAt().plus(refresh).isAfter(now)
                    && !cached.resolvedAt().isAfter(now)) {
                cache.put(key, cached);
                return cached;
            }
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Resolving " + archive.name(), 3);
        RegistryResolver resolver = new RegistryResolver(transport, reg);
        URI tap = endpoint(resolver, archive.tap(), TAP, sub.split(1));
        URI dataLink = archive.dataLink() == null ? null : endpoint(resolver, archive.dataLink(), DATALINK, sub.split(1));
        URI login = null;
        if (archive.login() != null) {
            login = archive.login().isIvoId() ? loginEndpoint(resolver, archive.login().uri(), sub.split(1))
                    : archive.login().uri();
        }
        ResolvedArchive resolved = new ResolvedArchive(archive, tap, dataLink, login, now);
        synchronized (cache) {
            cache.put(key, resolved);
            if (archive.tap().isIvoId() || archive.dataLink() != null && archive.dataLink().isIvoId()) {
                disk.put(reg, resolved);
            }
        }
        return resolved;
    }

    private static URI endpoint(RegistryResolver resolver, ServiceAddress address, String standard,
            IProgressMonitor monitor) throws AstrolabeException {
        if (!address.isIvoId()) {
            return address.uri();
        }
        Capabilities caps = resolver.resolve(address.uri(), monitor);
        return RegistryResolver.endpoint(caps, standard).orElseThrow(() -> new NotFoundException(
                "The capabilities of " + address + " (via " + resolver.registry() + ") list no " + standard
                        + " service", address.uri()));
    }

    private static URI loginEndpoint(RegistryResolver resolver, URI id, IProgressMonitor monitor)
            throws AstrolabeException {
        Capabilities caps = resolver.resolve(id, monitor);
        return caps.capabilities().stream()
                .filter(c -> c.standardId().toLowerCase(Locale.ROOT).contains("login"))
                .flatMap(c -> c.interfaces().stream()).flatMap(i -> i.accessUrls().stream()).map(u -> u.url())
                .findFirst().orElseThrow(() -> new NotFoundException("The capabilities of " + id + " list no login "
                        + "service", id));
    }
}
