package org.astrolabe.core.vosi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.internal.xml.SecureXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/** Runs a {@link VosiHandler} over a document with the safe XML reader. Stateless. */
final class VosiParsing {

    private VosiParsing() {
    }

    static void parse(InputStream in, URI source, VosiHandler handler, String what) throws InvalidInputException {
        XMLReader reader = SecureXml.newReader(false);
        reader.setContentHandler(handler);
        reader.setErrorHandler(null);
        try {
            reader.parse(new InputSource(in));
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
            throw new InvalidInputException("The " + what + " from " + source + " was cut off: " + e.getMessage(),
                    source, e);
        }
    }
}
