package org.astrolabe.core.vosi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.internal.xml.SecureXml;
import org.astrolabe.core.internal.xml.TrackedInput;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/** Runs a {@link VosiHandler} over a document with the safe XML reader. Stateless. */
final class VosiParsing {

    private VosiParsing() {
    }

    static void parse(InputStream in, URI source, VosiHandler handler, String what)
            throws InvalidInputException, TransientException {
        XMLReader reader = SecureXml.newReader(false);
        reader.setContentHandler(handler);
        reader.setErrorHandler(null);
        TrackedInput tracked = new TrackedInput(in);
        try {
            reader.parse(new InputSource(tracked));
        } catch (VosiHandler.Invalid e) {
            throw new InvalidInputException("The " + what + " from " + source + " is invalid at " + e.getMessage(),
                    source, e);
        } catch (SAXParseException e) {
            throw new InvalidInputException("The " + what + " from " + source + " is not well-formed XML (line "
                    + e.getLineNumber() + "): " + e.getMessage(), source, e);
        } catch (SAXException e) {
            throw new InvalidInputException("The " + what + " from " + source + " cannot be read: " + e.getMessage(),
                    source, e);
        } catch (IOException e) {
            if (!tracked.broke()) {
                // the bytes are wrong (an unknown or violated encoding), the stream is fine
                throw new InvalidInputException("The " + what + " from " + source + " cannot be read: "
                        + e.getMessage(), source, e);
            }
            // the stream broke (connection reset, time-out): a network failure, not a bad document
            throw new TransientException("The " + what + " from " + source + " was cut off: " + e.getMessage(),
                    source, null, e);
        }
    }
}
