package org.astrolabe.core.vosi;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.astrolabe.core.InvalidInputException;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Base of the VOSI document handlers. The SAX reader runs without namespace processing because
 * real services send documents with unbound prefixes (a {@code xsi:type} on a per-table VOSI 1.1
 * answer with no {@code xmlns:xsi}), which a namespace-aware parser rejects outright; this class
 * keeps its own prefix scopes instead, so {@code xsi:type} values still resolve to namespaces.
 * One instance per document; not thread-safe.
 */
abstract class VosiHandler extends DefaultHandler {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** A resolved {@code xsi:type}: namespace ("" when the prefix is unbound) and local name. */
    record TypeName(String namespace, String local) {
        static final TypeName NONE = new TypeName("", "");
    }

    /** Carries an {@link InvalidInputException} through the SAX parser. */
    static final class Invalid extends SAXException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private final List<String> warnings = new ArrayList<>();
    private Locator locator;

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public final void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Map<String, String> scope = Map.of();
        for (int i = 0; i < atts.getLength(); i++) {
            String name = atts.getQName(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                if (scope.isEmpty()) {
                    scope = new HashMap<>();
                }
                scope.put(name.equals("xmlns") ? "" : name.substring(6), atts.getValue(i));
            }
        }
        scopes.push(scope);
        String local = local(qName);
        String parent = path.peek();
        path.push(local);
        text.setLength(0);
        start(local, parent == null ? "" : parent, atts);
    }

    @Override
    public final void endElement(String uri, String localName, String qName) throws SAXException {
        String local = path.pop();
        String parent = path.peek();
        end(local, parent == null ? "" : parent, text.toString().strip());
        scopes.pop();
        text.setLength(0);
    }

    @Override
    public final void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    /** An element starts; {@code parent} is "" for the root. */
    abstract void start(String element, String parent, Attributes atts) throws SAXException;

    /** An element ends; {@code text} is its stripped character content. */
    abstract void end(String element, String parent, String text) throws SAXException;

    /** @return the resolved {@code xsi:type} of an element, or {@link TypeName#NONE} */
    TypeName xsiType(Attributes atts) {
        for (int i = 0; i < atts.getLength(); i++) {
            String name = atts.getQName(i);
            int colon = name.indexOf(':');
            if (colon > 0 && name.substring(colon + 1).equals("type")) {
                String prefix = name.substring(0, colon);
                String ns = namespace(prefix);
                if (XSI.equals(ns) || (ns == null && prefix.equals("xsi"))) {
                    String value = atts.getValue(i).strip();
                    int c = value.indexOf(':');
                    String valueNs = c > 0 ? namespace(value.substring(0, c)) : namespace("");
                    return new TypeName(valueNs == null ? "" : valueNs, value.substring(c + 1));
                }
            }
        }
        return TypeName.NONE;
    }

    private String namespace(String prefix) {
        for (Iterator<Map<String, String>> it = scopes.iterator(); it.hasNext();) {
            String ns = it.next().get(prefix);
            if (ns != null) {
                return ns;
            }
        }
        return null;
    }

    /** @return the value of an unprefixed attribute, stripped, or "" */
    static String attr(Attributes atts, String name) {
        String v = atts.getValue(name);
        return v == null ? "" : v.strip();
    }

    int line() {
        return locator == null ? -1 : locator.getLineNumber();
    }

    /** Records a deviation from the schema that the document survives. */
    void warn(String message) {
        warnings.add("line " + line() + ": " + message);
    }

    /** @return a failure for a deviation the document does not survive */
    Invalid invalid(String message) {
        return new Invalid("line " + line() + ": " + message);
    }

    List<String> warnings() {
        return warnings;
    }

    /** Keeps the first value of an element that may occur once, warning on repeats. */
    String once(String current, String value, String what) {
        if (current == null) {
            return value;
        }
        warn("more than one " + what + "; the first (" + current + ") is used");
        return current;
    }

    static String local(String qName) {
        int colon = qName.indexOf(':');
        return colon >= 0 ? qName.substring(colon + 1) : qName;
    }

    static URI uri(String text) {
        try {
            return new URI(text.strip().replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
