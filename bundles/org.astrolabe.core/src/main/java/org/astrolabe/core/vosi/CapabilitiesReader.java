package org.astrolabe.core.vosi;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.vosi.ServiceInterface.AccessUrl;
import org.astrolabe.core.vosi.ServiceInterface.SecurityMethod;
import org.astrolabe.core.vosi.TapCapability.DataLimit;
import org.astrolabe.core.vosi.TapCapability.DataLimits;
import org.astrolabe.core.vosi.TapCapability.DataModel;
import org.astrolabe.core.vosi.TapCapability.Feature;
import org.astrolabe.core.vosi.TapCapability.FeatureSet;
import org.astrolabe.core.vosi.TapCapability.Language;
import org.astrolabe.core.vosi.TapCapability.OutputFormat;
import org.astrolabe.core.vosi.TapCapability.TimeLimit;
import org.astrolabe.core.vosi.TapCapability.Version;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Parses VOSI capabilities documents (VOSI 1.0 and 1.1, VOResource 1.0/1.1, TAPRegExt 1.0 and its
 * {@code forMode} limits). Elements are matched by local name and {@code xsi:type} values are
 * resolved through the document's own prefixes, so any prefix choice works. Deviations real
 * services make (a repeated description, an empty {@code outputFormat}, template text left in the
 * document, duplicate per-mode limits) are recorded in {@link Capabilities#warnings()}; a document
 * that is not XML, not a capabilities document, or has a limit that is not a number is refused.
 * Stateless and thread-safe.
 */
public final class CapabilitiesReader {

    /**
     * @param in the document; not closed
     * @param source where it came from, named in messages
     * @return the capabilities
     * @throws InvalidInputException naming the problem and its line when the document is not
     *         well-formed XML, declares a DOCTYPE, has another root than {@code capabilities}, or
     *         has a malformed URL, limit, or unit
     * @throws TransientException when the stream breaks before the document ends (connection reset,
     *         time-out)
     */
    public Capabilities read(InputStream in, URI source) throws InvalidInputException, TransientException {
        Handler handler = new Handler();
        VosiParsing.parse(in, source, handler, "capabilities document");
        if (!handler.sawRoot) {
            throw new InvalidInputException("The document from " + source + " is empty", source, null);
        }
        return new Capabilities(handler.capabilities, handler.warnings());
    }

    private static final class Handler extends VosiHandler {
        private final List<Capability> capabilities = new ArrayList<>();
        private boolean sawRoot;

        // capability under construction
        private String standardId;
        private String capType;
        private boolean tapType;
        private String capDescription;
        private final List<ServiceInterface> interfaces = new ArrayList<>();
        private boolean tapElements;
        private final List<DataModel> dataModels = new ArrayList<>();
        private final List<Language> languages = new ArrayList<>();
        private final List<OutputFormat> outputFormats = new ArrayList<>();
        private final List<String> uploadMethods = new ArrayList<>();
        private final List<TimeLimit> retention = new ArrayList<>();
        private final List<TimeLimit> execution = new ArrayList<>();
        private final List<DataLimits> outputLimits = new ArrayList<>();
        private final List<DataLimits> uploadLimits = new ArrayList<>();

        // interface under construction
        private String ifType;
        private String ifRole;
        private String ifVersion;
        private String accessUse;
        private final List<AccessUrl> accessUrls = new ArrayList<>();
        private final List<URI> mirrors = new ArrayList<>();
        private final List<SecurityMethod> security = new ArrayList<>();

        // TAPRegExt pieces under construction
        private String ivoId;
        private String langName;
        private String langDescription;
        private final List<Version> versions = new ArrayList<>();
        private final List<FeatureSet> featureSets = new ArrayList<>();
        private String featureType;
        private final List<Feature> features = new ArrayList<>();
        private String form;
        private String featureDescription;
        private String mime;
        private final List<String> aliases = new ArrayList<>();
        private String forMode;
        private String limitUnit;
        private Long defaultValue;
        private Long hardValue;
        private String defaultUnit;
        private String hardUnit;

        @Override
        void start(String element, String parent, Attributes atts) throws SAXException {
            if (parent.isEmpty()) {
                if (!element.equals("capabilities")) {
                    throw invalid("the root element is <" + element + ">, not a VOSI <capabilities>");
                }
                sawRoot = true;
                return;
            }
            switch (element) {
                case "capability" -> startCapability(atts);
                case "interface" -> {
                    if (parent.equals("capability")) {
                        ifType = xsiType(atts).local();
                        ifRole = attr(atts, "role");
                        ifVersion = attr(atts, "version");
                        accessUrls.clear();
                        mirrors.clear();
                        security.clear();
                    }
                }
                case "accessURL" -> accessUse = attr(atts, "use");
                case "securityMethod" -> {
                    if (parent.equals("interface")) {
                        security.add(new SecurityMethod(attr(atts, "standardID")));
                    }
                }
                case "dataModel", "version", "uploadMethod" -> ivoId = attr(atts, "ivo-id");
                case "outputFormat" -> {
                    ivoId = attr(atts, "ivo-id");
                    mime = null;
                    aliases.clear();
                }
                case "language" -> {
                    langName = null;
                    langDescription = null;
                    versions.clear();
                    featureSets.clear();
                }
                case "languageFeatures" -> {
                    featureType = attr(atts, "type");
                    features.clear();
                }
                case "feature" -> {
                    form = null;
                    featureDescription = null;
                }
                case "retentionPeriod", "executionDuration", "outputLimit", "uploadLimit" -> {
                    if (parent.equals("capability")) {
                        forMode = attr(atts, "forMode");
                        defaultValue = null;
                        hardValue = null;
                        defaultUnit = null;
                        hardUnit = null;
                    }
                }
                case "default", "hard" -> limitUnit = attr(atts, "unit");
                default -> {
                    // other elements (testQueryString, validationLevel, ...) carry nothing we keep
                }
            }
        }

        private void startCapability(Attributes atts) {
            standardId = attr(atts, "standardID");
            TypeName type = xsiType(atts);
            capType = type.local();
            tapType = type.local().equals("TableAccess");
            capDescription = null;
            interfaces.clear();
            tapElements = false;
            dataModels.clear();
            languages.clear();
            outputFormats.clear();
            uploadMethods.clear();
            retention.clear();
            execution.clear();
            outputLimits.clear();
            uploadLimits.clear();
        }

        @Override
        void end(String element, String parent, String text) throws SAXException {
            switch (element) {
                case "capability" -> endCapability();
                case "description" -> {
                    switch (parent) {
                        case "capability" -> capDescription = once(capDescription, text, "capability description");
                        case "language" -> langDescription = once(langDescription, text, "language description");
                        case "feature" -> featureDescription = once(featureDescription, text, "feature description");
                        default -> {
                            // descriptions elsewhere are not kept
                        }
                    }
                }
                case "interface" -> {
                    if (parent.equals("capability")) {
                        if (accessUrls.isEmpty()) {
                            warn("an interface of " + standardId + " has no accessURL");
                        }
                        interfaces.add(new ServiceInterface(ifType, ifRole, ifVersion, accessUrls, mirrors, security));
                    }
                }
                case "accessURL" -> accessUrls.add(new AccessUrl(url(text), accessUse));
                case "mirrorURL" -> mirrors.add(url(text));
                case "dataModel" -> {
                    tapElements = true;
                    dataModels.add(new DataModel(ivoId, text));
                }
                case "name" -> {
                    if (parent.equals("language")) {
                        langName = once(langName, text, "language name");
                    }
                }
                case "version" -> {
                    if (parent.equals("language")) {
                        versions.add(new Version(text, ivoId));
                    }
                }
                case "form" -> form = once(form, text, "feature form");
                case "feature" -> features.add(new Feature(form, featureDescription));
                case "languageFeatures" -> featureSets.add(new FeatureSet(featureType, features));
                case "language" -> {
                    tapElements = true;
                    if (langName == null || langName.isEmpty()) {
                        throw invalid("a TAP language has no name");
                    }
                    languages.add(new Language(langName, versions, langDescription, featureSets));
                }
                case "mime" -> mime = once(mime, text, "output format MIME type");
                case "alias" -> aliases.add(text);
                case "outputFormat" -> {
                    tapElements = true;
                    if (mime == null || mime.isEmpty()) {
                        warn("an outputFormat without a MIME type is ignored");
                    } else {
                        outputFormats.add(new OutputFormat(mime, aliases, ivoId));
                    }
                }
                case "uploadMethod" -> {
                    tapElements = true;
                    if (ivoId.isEmpty()) {
                        warn("an uploadMethod without an ivo-id is ignored");
                    } else {
                        uploadMethods.add(ivoId);
                    }
                }
                case "default", "hard" -> endLimitValue(element, parent, text);
                case "retentionPeriod", "executionDuration" -> {
                    if (parent.equals("capability")) {
                        tapElements = true;
                        List<TimeLimit> list = element.equals("retentionPeriod") ? retention : execution;
                        addOnce(list, new TimeLimit(forMode, optional(defaultValue), optional(hardValue)),
                                list.stream().anyMatch(l -> l.forMode().equalsIgnoreCase(forMode)), element);
                    }
                }
                case "outputLimit", "uploadLimit" -> {
                    if (parent.equals("capability")) {
                        tapElements = true;
                        List<DataLimits> list = element.equals("outputLimit") ? outputLimits : uploadLimits;
                        addOnce(list, new DataLimits(forMode, limit(defaultValue, defaultUnit, element),
                                limit(hardValue, hardUnit, element)),
                                list.stream().anyMatch(l -> l.forMode().equalsIgnoreCase(forMode)), element);
                    }
                }
                default -> {
                    // nothing kept
                }
            }
        }

        private <T> void addOnce(List<T> list, T value, boolean duplicate, String element) {
            if (duplicate) {
                warn("more than one " + element + (forMode.isEmpty() ? "" : " for mode " + forMode)
                        + "; the first is used");
            } else {
                list.add(value);
            }
        }

        private void endLimitValue(String element, String parent, String text) throws SAXException {
            if (!List.of("retentionPeriod", "executionDuration", "outputLimit", "uploadLimit").contains(parent)) {
                return;
            }
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw invalid("the " + element + " " + parent + " '" + text + "' is not a whole number");
            }
            if (value < 0) {
                throw invalid("the " + element + " " + parent + " is negative: " + value);
            }
            if (element.equals("default")) {
                defaultValue = value;
                defaultUnit = limitUnit;
            } else {
                hardValue = value;
                hardUnit = limitUnit;
            }
        }

        private Optional<DataLimit> limit(Long value, String unit, String element) throws SAXException {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new DataLimit(value, DataLimit.Unit.parse(unit)));
            } catch (IllegalArgumentException e) {
                throw invalid("in " + element + ": " + e.getMessage());
            }
        }

        private static OptionalLong optional(Long value) {
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }

        private void endCapability() {
            boolean tapId = standardId.equalsIgnoreCase(Capabilities.TAP)
                    || standardId.toLowerCase(Locale.ROOT).startsWith(Capabilities.TAP.toLowerCase(Locale.ROOT) + "#");
            Optional<TapCapability> tap = tapType || tapId || tapElements
                    ? Optional.of(new TapCapability(dataModels, languages, outputFormats, uploadMethods, retention,
                            execution, outputLimits, uploadLimits))
                    : Optional.empty();
            capabilities.add(new Capability(standardId, capType, capDescription, interfaces, tap));
        }

        private URI url(String text) throws SAXException {
            URI uri = uri(text);
            if (uri == null || text.isBlank()) {
                throw invalid("'" + text + "' is not a URL");
            }
            return uri;
        }
    }
}
