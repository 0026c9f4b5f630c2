package org.astrolabe.tap.internal.uws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.internal.xml.SecureXml;
import org.astrolabe.core.internal.xml.TrackedInput;
import org.astrolabe.tap.uws.ErrorSummary;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.JobResult;
import org.astrolabe.tap.uws.JobSummary;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads UWS job documents and job lists (UWS 1.0 and 1.1) with a namespace-aware, DOCTYPE-refusing
 * SAX parser. Tolerant where real services differ: elements in the UWS namespace or in none,
 * {@code xsi:nil}, empty elements, times without a zone (read as UTC), anything inside
 * {@code jobInfo} ignored. Stateless and thread-safe.
 */
public final class UwsDocumentReader {

    static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter();

    /**
     * @param in a job document; read to its end, not closed
     * @param jobUri the URL it was read from (becomes {@link JobInfo#uri()})
     * @return the job
     * @throws InvalidInputException naming {@code jobUri} when the document is not a well-formed UWS
     *         job, or holds a bad phase, time or duration
     * @throws TransientException when the stream breaks before the document ends (connection reset,
     *         time-out)
     */
    public JobInfo readJob(InputStream in, URI jobUri) throws InvalidInputException,
            TransientException {
        JobHandler handler = new JobHandler(jobUri);
        parse(in, jobUri, handler);
        if (!handler.rootSeen || !handler.rootName.equals("job")) {
            throw new InvalidInputException("The answer from " + jobUri + " is not a UWS job document (root element "
                    + (handler.rootSeen ? "'" + handler.rootName + "'" : "missing") + ")", jobUri, null);
        }
        return handler.build();
    }

    /**
     * @param in a job list; read to its end, not closed
     * @param listUri the URL it was read from (job URLs missing from the list are resolved against it)
     * @return the job references in document order
     * @throws InvalidInputException naming {@code listUri} when the document is not a UWS job list
     * @throws TransientException when the stream breaks before the document ends (connection reset,
     *         time-out)
     */
    public List<JobSummary> readJobList(InputStream in, URI listUri) throws InvalidInputException,
            TransientException {
        ListHandler handler = new ListHandler(listUri);
        parse(in, listUri, handler);
        if (!handler.rootSeen || !handler.rootName.equals("jobs")) {
            throw new InvalidInputException("The answer from " + listUri + " is not a UWS job list (root element "
                    + (handler.rootSeen ? "'" + handler.rootName + "'" : "missing") + ")", listUri, null);
        }
        return List.copyOf(handler.jobs);
    }

    private static void parse(InputStream in, URI source, BaseHandler handler)
            throws InvalidInputException, TransientException {
        XMLReader reader = SecureXml.newReader(true);
        reader.setContentHandler(handler);
        reader.setErrorHandler(null);
        TrackedInput tracked = new TrackedInput(in);
        try {
            reader.parse(new InputSource(tracked));
        } catch (SAXException e) {
            Exception inner = e.getException();
            if (inner instanceof InvalidInputException bad) {
                throw bad;
            }
            throw new InvalidInputException("The UWS document from " + source + " is malformed: " + e.getMessage(),
                    source, e);
        } catch (IOException e) {
            if (!tracked.broke()) {
                // the bytes are wrong (an unknown or violated encoding), the stream is fine
                throw new InvalidInputException("The UWS document from " + source + " is malformed: "
                        + e.getMessage(), source, e);
            }
            throw new TransientException("The UWS document from " + source + " was cut off: " + e.getMessage(),
                    source, null, e);
        }
    }

    /** Common bookkeeping: element depth, text of leaf elements, xsi:nil. */
    private abstract static class BaseHandler extends DefaultHandler {
        final URI source;
        boolean rootSeen;
        String rootName = "";
        int depth;
        final StringBuilder text = new StringBuilder();
        boolean nil;

        BaseHandler(URI source) {
            this.source = source;
        }

        static boolean isUws(String uri) {
            return uri == null || uri.isEmpty() || uri.equals(UWS_NS) || uri.startsWith("http://www.ivoa.net/xml/UWS/");
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            depth++;
            if (depth == 1) {
                rootSeen = true;
                rootName = isUws(uri) ? local : "{" + uri + "}" + local;
                root(atts);
            }
            text.setLength(0);
            nil = "true".equals(atts.getValue(XSI_NS, "nil"));
            element(uri, local, atts);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            end(uri, local, nil ? null : text.toString().strip());
            text.setLength(0);
            nil = false;
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        void root(Attributes atts) {
        }

        abstract void element(String uri, String local, Attributes atts) throws SAXException;

        /** @param value the element's text, stripped, or {@code null} when it is {@code xsi:nil} */
        abstract void end(String uri, String local, String value) throws SAXException;

        SAXException bad(String message, Exception cause) {
            return new SAXException(new InvalidInputException("The UWS document from " + source + " is invalid: "
                    + message, source, cause));
        }

        /** The URL of {@code path} under the document's URL (a job id from the list, a result id). */
        URI child(String path) throws SAXException {
            try {
                return JobUris.child(source, path);
            } catch (IllegalArgumentException e) {
                // found by fuzzing: an id with characters a URL cannot hold escaped as unchecked
                throw bad("'" + path + "' cannot be part of a URL", e);
            }
        }

        URI href(Attributes atts, URI fallback) throws SAXException {
            String h = atts.getValue(XLINK_NS, "href");
            if (h == null) {
                h = atts.getValue("", "href");
            }
            if (h == null || h.isBlank()) {
                return fallback;
            }
            try {
                return source.resolve(new URI(h.strip()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw bad("not a URL: " + h, e);
            }
        }

        Optional<Instant> time(String element, String value) throws SAXException {
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException withoutZone) {
                try {
                    String v = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
                    return Optional.of(LocalDateTime.parse(v, LOCAL_TIME).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    throw bad(element + " is not an ISO 8601 time: '" + value + "'", e);
                }
            }
        }

        ExecutionPhase phase(String value) throws SAXException {
            try {
                return ExecutionPhase.parse(value);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage(), e);
            }
        }

        static Optional<String> nonEmpty(String value) {
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }

    private static final class JobHandler extends BaseHandler {
        private String version = "";
        private String jobId;
        private ExecutionPhase phase;
        private Optional<String> owner = Optional.empty();
        private Optional<String> runId = Optional.empty();
        private Optional<Instant> creation = Optional.empty();
        private Optional<Instant> start = Optional.empty();
        private Optional<Instant> end = Optional.empty();
        private Optional<Instant> quote = Optional.empty();
        private Optional<Duration> duration = Optional.empty();
        private Optional<Instant> destruction = Optional.empty();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final List<PendingResult> results = new ArrayList<>();
        private String parameterId;
        private ErrorSummary.Type errorType;
        private boolean errorDetail;
        private String errorMessage;
        /** Inside jobInfo (free-form, ignored), or another foreign subtree: its depth, else 0. */
        private int skipping;
        private String section = "";

        private record PendingResult(String id, URI href) {
        }

        JobHandler(URI source) {
            super(source);
        }

        @Override
        void root(Attributes atts) {
            String v = atts.getValue("", "version");
            version = v == null ? "" : v;
        }

        @Override
        void element(String uri, String local, Attributes atts) throws SAXException {
            if (skipping > 0 || depth == 1) {
                return;
            }
            if (!isUws(uri) || local.equals("jobInfo")) {
                skipping = depth;
                return;
            }
            if (depth == 2) {
                section = local;
                if (local.equals("errorSummary")) {
                    try {
                        errorType = ErrorSummary.Type.parse(atts.getValue("", "type"));
                    } catch (IllegalArgumentException e) {
                        throw bad(e.getMessage(), e);
                    }
                    errorDetail = "true".equalsIgnoreCase(atts.getValue("", "hasDetail"));
                    errorMessage = "";
                }
            } else if (depth == 3 && section.equals("parameters") && local.equals("parameter")) {
                parameterId = atts.getValue("", "id");
                if (parameterId == null || parameterId.isBlank()) {
                    throw bad("a parameter has no id", null);
                }
            } else if (depth == 3 && section.equals("results") && local.equals("result")) {
                String id = atts.getValue("", "id");
                if (id == null || id.isBlank()) {
                    throw bad("a result has no id", null);
                }
                results.add(new PendingResult(id, href(atts, child("results/" + id.strip()))));
            }
        }

        @Override
        void end(String uri, String local, String value) throws SAXException {
            if (skipping > 0) {
                if (depth == skipping) {
                    skipping = 0;
                }
                return;
            }
            if (depth == 2) {
                switch (local) {
                    case "jobId" -> jobId = value;
                    case "phase" -> phase = phase(value);
                    case "ownerId" -> owner = nonEmpty(value);
                    case "runId" -> runId = nonEmpty(value);
                    case "creationTime" -> creation = time(local, value);
                    case "startTime" -> start = time(local, value);
                    case "endTime" -> end = time(local, value);
                    case "quote" -> quote = time(local, value);
                    case "destruction" -> destruction = time(local, value);
                    case "executionDuration" -> duration = duration(value);
                    default -> {
                        // parameters, results, errorSummary: handled through their children
                    }
                }
                section = "";
            } else if (depth == 3 && section.equals("parameters") && local.equals("parameter")) {
                parameters.put(parameterId, value == null ? "" : value);
            } else if (depth == 3 && section.equals("errorSummary") && local.equals("message")) {
                errorMessage = value == null ? "" : value;
            }
        }

        private Optional<Duration> duration(String value) throws SAXException {
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            try {
                double seconds = Double.parseDouble(value);
                if (seconds < 0 || Double.isNaN(seconds)) {
                    throw bad("executionDuration is negative: " + value, null);
                }
                return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
            } catch (NumberFormatException e) {
                throw bad("executionDuration is not a number of seconds: '" + value + "'", e);
            }
        }

        JobInfo build() throws InvalidInputException {
            if (jobId == null || jobId.isEmpty()) {
                throw new InvalidInputException("The UWS job document from " + source + " has no jobId", source, null);
            }
            if (phase == null) {
                throw new InvalidInputException("The UWS job document from " + source + " (job " + jobId
                        + ") has no phase", source, null);
            }
            List<JobResult> list = new ArrayList<>();
            for (PendingResult r : results) {
                list.add(new JobResult(r.id(), r.href()));
            }
            Optional<ErrorSummary> error = errorType == null ? Optional.empty()
                    : Optional.of(new ErrorSummary(errorType, errorDetail, errorMessage));
            return new JobInfo(jobId, source, version, phase, owner, runId, creation, start, end, quote, duration,
                    destruction, parameters, list, error);
        }
    }

    private static final class ListHandler extends BaseHandler {
        final List<JobSummary> jobs = new ArrayList<>();
        private String id;
        private URI href;
        private ExecutionPhase phase;
        private Optional<String> runId;
        private Optional<String> owner;
        private Optional<Instant> creation;
        private int skipping;

        ListHandler(URI source) {
            super(source);
        }

        @Override
        void element(String uri, String local, Attributes atts) throws SAXException {
            if (skipping > 0 || depth == 1) {
                return;
            }
            if (!isUws(uri)) {
                skipping = depth;
                return;
            }
            if (depth == 2 && local.equals("jobref")) {
                id = atts.getValue("", "id");
                if (id == null || id.isBlank()) {
                    throw bad("a jobref has no id", null);
                }
                href = href(atts, null);
                phase = null;
                runId = Optional.empty();
                owner = Optional.empty();
                creation = Optional.empty();
            }
        }

        @Override
        void end(String uri, String local, String value) throws SAXException {
            if (skipping > 0) {
                if (depth == skipping) {
                    skipping = 0;
                }
                return;
            }
            if (depth == 3 && id != null) {
                switch (local) {
                    case "phase" -> phase = phase(value);
                    case "runId" -> runId = nonEmpty(value);
                    case "ownerId" -> owner = nonEmpty(value);
                    case "creationTime" -> creation = time(local, value);
                    default -> {
                        // other children are not used
                    }
                }
            } else if (depth == 2 && local.equals("jobref") && id != null) {
                if (phase == null) {
                    throw bad("job " + id + " in the list has no phase", null);
                }
                URI job = href != null ? href : child(id.strip());
                jobs.add(new JobSummary(id.strip(), job, phase, runId, owner, creation));
                id = null;
            }
        }
    }
}
