package org.astrolabe.core.votable;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes SAX events on to STIL and records the {@code QUERY_STATUS} INFO elements on the way.
 * An ERROR is kept once seen; otherwise the last status wins (OVERFLOW follows the table).
 */
final class StatusWatcher extends XMLFilterImpl {

    private QueryStatus status = QueryStatus.unspecified();
    private QueryStatus.State pending;
    private String pendingValue;
    private StringBuilder text;

    StatusWatcher(ContentHandler next) {
        setContentHandler(next);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (local(qName).equals("INFO") && "QUERY_STATUS".equals(atts.getValue("name"))) {
            String value = atts.getValue("value");
            try {
                pending = QueryStatus.State.parse(value);
            } catch (IllegalArgumentException unknown) {
                pending = QueryStatus.State.ERROR;
            }
            pendingValue = value;
            text = new StringBuilder();
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (text != null) {
            text.append(ch, start, length);
        }
        super.characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (text != null && local(qName).equals("INFO")) {
            String message = text.toString().strip();
            if (message.isEmpty() && pending == QueryStatus.State.ERROR && pendingValue != null
                    && !pendingValue.equalsIgnoreCase("ERROR")) {
                message = "unknown QUERY_STATUS " + pendingValue;
            }
            if (status.state() != QueryStatus.State.ERROR) {
                status = new QueryStatus(pending, message);
            }
            text = null;
        }
        super.endElement(uri, localName, qName);
    }

    private static String local(String qName) {
        int colon = qName.indexOf(':');
        return colon >= 0 ? qName.substring(colon + 1) : qName;
    }

    QueryStatus status() {
        return status;
    }
}
