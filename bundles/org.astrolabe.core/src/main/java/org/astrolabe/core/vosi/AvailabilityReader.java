package org.astrolabe.core.vosi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.internal.xml.SecureXml;
import org.astrolabe.core.internal.xml.TrackedInput;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Parses VOSI availability documents (VOSI 1.0 and 1.1). Stateless and thread-safe. */
public final class AvailabilityReader {

    /**
     * @param in the document; not closed
     * @param source where it came from, for messages
     * @return the parsed availability
     * @throws InvalidInputException if the document is malformed, declares a DOCTYPE, or has no
     *         {@code available} element
     * @throws TransientException when the stream breaks before the document ends (connection reset,
     *         time-out)
     */
    public Availability read(InputStream in, URI source) throws InvalidInputException, TransientException {
        Handler handler = new Handler();
        XMLReader reader = SecureXml.newReader(true);
        reader.setContentHandler(handler);
        TrackedInput tracked = new TrackedInput(in);
        try {
            reader.parse(new InputSource(tracked));
        } catch (SAXException e) {
            throw new InvalidInputException("The availability document from " + source + " cannot be read: "
                    + e.getMessage(), source, e);
        } catch (IOException e) {
            if (!tracked.broke()) {
                throw new InvalidInputException("The availability document from " + source + " cannot be read: "
                        + e.getMessage(), source, e);
            }
            throw new TransientException("The availability document from " + source + " was cut off: "
                    + e.getMessage(), source, null, e);
        }
        if (handler.available == null) {
            throw new InvalidInputException("The document from " + source + " is not a VOSI availability document",
                    source, null);
        }
        return new Availability(Boolean.parseBoolean(handler.available.strip()) || "1".equals(handler.available.strip()),
                Optional.ofNullable(handler.upSince), Optional.ofNullable(handler.downAt),
                Optional.ofNullable(handler.backAt), handler.notes);
    }

    private static final class Handler extends DefaultHandler {
        private final StringBuilder text = new StringBuilder();
        private final List<String> notes = new ArrayList<>();
        private String available;
        private String upSince;
        private String downAt;
        private String backAt;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String value = text.toString().strip();
            switch (localName) {
                case "available" -> available = value;
                case "upSince" -> upSince = value;
                case "downAt" -> downAt = value;
                case "backAt" -> backAt = value;
                case "note" -> notes.add(value);
                default -> {
                    // other elements carry nothing we report
                }
            }
            text.setLength(0);
        }
    }
}
