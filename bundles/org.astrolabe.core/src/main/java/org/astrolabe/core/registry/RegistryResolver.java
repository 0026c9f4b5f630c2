package org.astrolabe.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Resolves IVOA identifiers through a registry's {@code resource-caps} document and reads the
 * services' VOSI capabilities. The document's URL is given at construction (CADC's is
 * {@link #CADC_RESOURCE_CAPS}); {@code file:} URLs are read from disk, for offline use and
 * tests. Nothing is cached here (callers cache the resolved endpoints). Thread-safe.
 */
public final class RegistryResolver {

    /** CADC's registry document, which resolves the {@code ivo://cadc.nrc.ca/...} services. */
    public static final URI CADC_RESOURCE_CAPS = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/reg/resource-caps");

    private final HttpTransport transport;
    private final URI registry;

    /**
     * @param transport the HTTP transport
     * @param registry the resource-caps document's URL (http, https or file)
     */
    public RegistryResolver(HttpTransport transport, URI registry) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.registry = Objects.requireNonNull(registry, "registry");
        String scheme = registry.getScheme() == null ? "" : registry.getScheme();
        if (!scheme.equals("file")) {
            HttpRequest.requireHttpUri(registry);
        }
    }

    /** @return the resource-caps document's URL */
    public URI registry() {
        return registry;
    }

    /**
     * @param monitor cancellation, may be {@code null}
     * @return the registry's document
     * @throws NotFoundException when the document does not exist
     * @throws InvalidInputException when it is not a resource-caps document
     * @throws org.astrolabe.core.TransientException when the registry cannot be reached
     * @throws AstrolabeException for other HTTP failures
     */
    public ResourceCaps resourceCaps(IProgressMonitor monitor) throws AstrolabeException {
        if ("file".equals(registry.getScheme())) {
            try (InputStream in = Files.newInputStream(Path.of(registry))) {
                return ResourceCaps.read(in, registry);
            } catch (NoSuchFileException e) {
                throw new NotFoundException("No resource-caps document at " + registry, registry);
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read " + registry + ": " + e.getMessage(), registry, e);
            }
        }
        try (HttpResult result = HttpFailures.requireSuccess(transport.send(HttpRequest.get(registry), monitor))) {
            return ResourceCaps.read(result.body(), result.uri());
        }
    }

    /**
     * @param ivoid an IVOA identifier, e.g. {@code ivo://cadc.nrc.ca/argus}
     * @param monitor cancellation, may be {@code null}
     * @return the service's capabilities URL
     * @throws NotFoundException naming the identifier and the registry when the registry does not list it
     * @throws AstrolabeException as {@link #resourceCaps}
     */
    public URI capabilitiesUrl(URI ivoid, IProgressMonitor monitor) throws AstrolabeException {
        return resourceCaps(monitor).lookup(ivoid).orElseThrow(() -> new NotFoundException(
                "The registry " + registry + " does not list " + ivoid, ivoid));
    }

    /**
     * @param capabilitiesUrl a VOSI capabilities endpoint
     * @param monitor cancellation, may be {@code null}
     * @return the capabilities it lists
     * @throws NotFoundException on 404
     * @throws InvalidInputException when the answer is not a capabilities document
     * @throws AstrolabeException for other HTTP failures
     */
    public Capabilities capabilities(URI capabilitiesUrl, IProgressMonitor monitor) throws AstrolabeException {
        try (HttpResult result = HttpFailures.requireSuccess(
                transport.send(HttpRequest.get(capabilitiesUrl), monitor))) {
            return new CapabilitiesReader().read(result.body(), result.uri());
        }
    }

    /**
     * Resolves an identifier to its capabilities: registry lookup, then the VOSI document.
     *
     * @param ivoid an IVOA identifier
     * @param monitor cancellation, may be {@code null}
     * @return the service's capabilities
     * @throws AstrolabeException as {@link #capabilitiesUrl} and {@link #capabilities}
     */
    public Capabilities resolve(URI ivoid, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, 2);
        URI caps = capabilitiesUrl(ivoid, sub.split(1));
        return capabilities(caps, sub.split(1));
    }

    /**
     * The first access URL of a standard's interface in a capabilities document: the anonymous
     * interface when there is one, else the first.
     *
     * @param capabilities a service's capabilities
     * @param standardId e.g. {@code ivo://ivoa.net/std/TAP}; compared without the {@code #fragment}'s
     *        version when the exact id is not there ({@code ivo://ivoa.net/std/DataLink#links-1.0}
     *        also matches {@code #links-1.1})
     * @return the URL, if the standard is listed
     */
    public static java.util.Optional<URI> endpoint(Capabilities capabilities, String standardId) {
        String wanted = standardId.toLowerCase(java.util.Locale.ROOT);
        String prefix = wanted.replaceAll("-\\d+(\\.\\d+)*$", "");
        var candidates = capabilities.capabilities().stream()
                .filter(c -> c.standardId().toLowerCase(java.util.Locale.ROOT).equals(wanted)).toList();
        if (candidates.isEmpty()) {
            candidates = capabilities.capabilities().stream()
                    .filter(c -> c.standardId().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)).toList();
        }
        for (boolean anonymousOnly : new boolean[] {true, false}) {
            for (var c : candidates) {
                for (var i : c.interfaces()) {
                    if ((!anonymousOnly || i.allowsAnonymous()) && !i.accessUrls().isEmpty()) {
                        return java.util.Optional.of(i.accessUrls().get(0).url());
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }
}
