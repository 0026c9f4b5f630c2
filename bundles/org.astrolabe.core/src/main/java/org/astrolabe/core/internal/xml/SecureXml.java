package org.astrolabe.core.internal.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XML readers safe against external entities and entity expansion: DOCTYPE declarations are
 * refused outright (no IVOA document needs one), external entities and schemas are never
 * fetched, and the JDK's secure-processing limits apply.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /**
     * @param namespaceAware whether the reader reports namespace URIs and local names
     * @return a new reader; not thread-safe, use one per document
     * @throws IllegalStateException if the JDK's parser cannot be made safe (never on a standard JDK)
     */
    public static XMLReader newReader(boolean namespaceAware) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(namespaceAware);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entity refused: " + systemId);
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser of this Java runtime cannot be made safe", e);
        }
    }
}
