package org.astrolabe.datalink.internal.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.ServiceDescriptor;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the service descriptors of a DataLink document ({@code RESOURCE type="meta"
 * utype="adhoc:service"}) in one SAX pass. STIL's streaming table API does not expose
 * RESOURCE-level PARAMs and GROUPs, and the descriptors are small, so they are read here.
 * Namespace-unaware: element names are compared without prefix. Not thread-safe; one per document.
 */
final class DescriptorHandler extends DefaultHandler {

    /** One open RESOURCE element; {@code null} fields for a resource that is not a descriptor. */
    private static final class Open {
        final boolean service;
        final String id;
        final Map<String, String> params = new LinkedHashMap<>();
        final List<DescriptorParameter> inputs = new ArrayList<>();

        Open(boolean service, String id) {
            this.service = service;
            this.id = id;
        }
    }

    private final Deque<Open> resources = new ArrayDeque<>();
    private final Map<String, ServiceDescriptor> descriptors = new LinkedHashMap<>();
    private int anonymous;
    private boolean inInputGroup;
    private int groupDepth;
    private Attributes param;
    private String min = "";
    private String max = "";
    private List<String> options = new ArrayList<>();
    private StringBuilder text;
    private String description = "";

    Map<String, ServiceDescriptor> descriptors() {
        return descriptors;
    }

    private static String local(String qName, String localName) {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static String attr(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null ? "" : v;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = local(qName, localName);
        Open current = resources.peek();
        switch (name) {
            case "RESOURCE" -> {
                boolean service = "meta".equalsIgnoreCase(attr(atts, "type"))
                        && "adhoc:service".equalsIgnoreCase(attr(atts, "utype"));
                String id = attr(atts, "ID");
                if (service && id.isEmpty()) {
                    id = "adhoc:service#" + (++anonymous);
                }
                resources.push(new Open(service, id));
            }
            case "GROUP" -> {
                if (current != null && current.service) {
                    groupDepth++;
                    if (groupDepth == 1 && "inputParams".equals(attr(atts, "name"))) {
                        inInputGroup = true;
                    }
                }
            }
            case "PARAM" -> {
                if (current != null && current.service) {
                    param = new org.xml.sax.helpers.AttributesImpl(atts);
                    min = "";
                    max = "";
                    options = new ArrayList<>();
                    description = "";
                }
            }
            case "MIN" -> min = param != null ? attr(atts, "value") : min;
            case "MAX" -> max = param != null ? attr(atts, "value") : max;
            case "OPTION" -> {
                if (param != null) {
                    options.add(attr(atts, "value"));
                }
            }
            case "DESCRIPTION" -> text = param != null ? new StringBuilder() : null;
            default -> {
                // other elements carry nothing a descriptor needs
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (text != null) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = local(qName, localName);
        Open current = resources.peek();
        switch (name) {
            case "RESOURCE" -> {
                Open done = resources.pop();
                if (done.service) {
                    descriptors.put(done.id, new ServiceDescriptor(done.id, done.params.get("standardID"),
                            uriOrNull(done.params.get("accessURL")), done.params.get("resourceIdentifier"),
                            done.inputs));
                }
            }
            case "GROUP" -> {
                if (current != null && current.service && groupDepth > 0) {
                    groupDepth--;
                    if (groupDepth == 0) {
                        inInputGroup = false;
                    }
                }
            }
            case "DESCRIPTION" -> {
                if (text != null) {
                    description = text.toString().strip();
                    text = null;
                }
            }
            case "PARAM" -> {
                if (param != null && current != null) {
                    String pname = attr(param, "name");
                    if (inInputGroup) {
                        if (!pname.isBlank()) {
                            current.inputs.add(new DescriptorParameter(pname, attr(param, "datatype"),
                                    attr(param, "arraysize"), attr(param, "xtype"), attr(param, "unit"),
                                    attr(param, "ucd"), attr(param, "value"), attr(param, "ref"), min, max, options,
                                    description));
                        }
                    } else if (groupDepth == 0) {
                        current.params.put(pname, attr(param, "value").strip());
                    }
                    param = null;
                }
            }
            default -> {
                // nothing to close
            }
        }
    }

    private static URI uriOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(text.strip());
            return u.isAbsolute() ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
