package org.astrolabe.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.astrolabe.archive.dal.NameResolver;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.internal.xml.SecureXml;
import org.astrolabe.core.sky.SkyPosition;
import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * CDS Sesame ({@code .../nph-sesame/-oxp/SNV?NAME}, XML output): the first resolver's
 * {@code jradeg}/{@code jdedeg}. Thread-safe.
 */
@Component(service = NameResolver.class)
public final class SesameNameResolver implements NameResolver {

    /** CDS's Sesame endpoint (XML output, SIMBAD then NED then VizieR). */
    public static final URI CDS = URI.create("https://cds.unistra.fr/cgi-bin/nph-sesame/-oxp/SNV");

    private final HttpTransport transport;
    private final URI endpoint;

    /** @param transport the HTTP transport */
    @Activate
    public SesameNameResolver(@Reference HttpTransport transport) {
        this(transport, CDS);
    }

    /**
     * @param transport the HTTP transport
     * @param endpoint the Sesame endpoint; the URL-encoded name is appended after {@code ?}
     */
    public SesameNameResolver(HttpTransport transport, URI endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
    }

    @Override
    public SkyPosition resolve(String name, IProgressMonitor monitor) throws AstrolabeException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give an object name to resolve");
        }
        URI url = URI.create(endpoint + "?" + URLEncoder.encode(name.strip(), StandardCharsets.UTF_8).replace("+", "%20"));
        try (HttpResult result = HttpFailures.requireSuccess(transport.send(HttpRequest.get(url), monitor))) {
            return read(result.body(), name.strip(), url);
        } catch (TransientException e) {
            throw new TransientException("Cannot reach CDS Sesame to resolve '" + name.strip() + "' (" + e.getMessage()
                    + "); give the position as coordinates instead", url, e.retryAfter().orElse(null), e);
        }
    }

    /**
     * @param in a Sesame XML document
     * @param name the name asked for, for messages
     * @param source where the document came from
     * @return the first position the document gives
     * @throws NotFoundException when no resolver found the name
     * @throws InvalidInputException when the document is not Sesame XML
     */
    public static SkyPosition read(InputStream in, String name, URI source) throws AstrolabeException {
        Handler h = new Handler();
        XMLReader reader = SecureXml.newReader(false);
        reader.setContentHandler(h);
        try {
            reader.parse(new InputSource(in));
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("The answer of Sesame (" + source + ") is not a Sesame XML document: "
                    + e.getMessage(), source, e);
        }
        if (!h.sesame) {
            throw new InvalidInputException("The answer of Sesame (" + source + ") is not a Sesame XML document",
                    source, null);
        }
        if (h.ra == null || h.dec == null) {
            throw new NotFoundException("Sesame does not know '" + name + "'", source);
        }
        try {
            return new SkyPosition(Double.parseDouble(h.ra), Double.parseDouble(h.dec));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Sesame gave an invalid position for '" + name + "': " + h.ra + " " + h.dec,
                    source, e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private boolean sesame;
        private String ra;
        private String dec;
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (qName.equals("Sesame")) {
                sesame = true;
            }
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (qName.equals("jradeg") && ra == null) {
                ra = text.toString().strip();
            } else if (qName.equals("jdedeg") && dec == null) {
                dec = text.toString().strip();
            }
        }
    }
}
