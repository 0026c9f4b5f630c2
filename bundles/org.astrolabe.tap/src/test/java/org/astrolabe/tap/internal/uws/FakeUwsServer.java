package org.astrolabe.tap.internal.uws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A UWS service on loopback that behaves like GAVO DaCHS 2.7 (see TEST-SERVER.md): creation
 * answers 303 to a job URL on another path, PHASE=RUN at creation is ignored, {@code WAIT}
 * blocks while the job is in the given phase (UWS 1.1 mode), DELETE answers 303 to the job
 * list, unknown jobs are 404 with an error VOTable. Every request is logged for assertions.
 */
final class FakeUwsServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String method, String path, Map<String, String> params, long atNanos) {
    }

    final class Job {
        final String id;
        volatile String phase = "PENDING";
        volatile long completeAtNanos = Long.MAX_VALUE;
        volatile long runNanos;
        volatile boolean fails;
        volatile String query = "";

        Job(String id) {
            this.id = id;
        }

        synchronized String phaseNow() {
            if (phase.equals("EXECUTING") && System.nanoTime() >= completeAtNanos) {
                phase = fails ? "ERROR" : "COMPLETED";
            }
            return phase;
        }
    }

    final HttpServer server;
    final String base;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Declared UWS version; "" for a UWS 1.0 document without a version attribute (WAIT ignored). */
    volatile String version = "1.1";
    volatile long runMillis = 1000;
    /** Status requests that get HTTP 503 before the service recovers. */
    final AtomicInteger failingStatusRequests = new AtomicInteger();
    volatile boolean deleteAllowed = true;
    volatile boolean resultHrefRefused;

    FakeUwsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    String tap() {
        return base + "/tap";
    }

    String jobUrl(String id) {
        return base + "/run/async/" + id;
    }

    Job newJob(String query) {
        Job j = new Job("j" + ids.incrementAndGet());
        j.query = query;
        j.fails = query.contains("SELEKT");
        jobs.put(j.id, j);
        return j;
    }

    long count(String method, String pathPrefix) {
        return seen.stream().filter(s -> s.method.equals(method) && s.path.startsWith(pathPrefix)).count();
    }

    /** Status requests: GETs of a job document itself. */
    List<Seen> statusRequests(String id) {
        return seen.stream().filter(s -> s.method.equals("GET") && s.path.equals("/run/async/" + id)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> params = parse(ex.getRequestURI().getRawQuery());
            if (ex.getRequestMethod().equals("POST")) {
                params.putAll(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            seen.add(new Seen(ex.getRequestMethod(), path, params, System.nanoTime()));
            route(ex, ex.getRequestMethod(), path, params);
        }
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> p) throws IOException {
        if (path.equals("/tap/async") && method.equals("POST")) {
            Job j = newJob(p.getOrDefault("QUERY", ""));
            redirect(ex, jobUrl(j.id));
            return;
        }
        if (path.equals("/tap/async") || path.equals("/run/async")) {
            StringBuilder xml = new StringBuilder("<uws:jobs xmlns:uws='http://www.ivoa.net/xml/UWS/v1.0' "
                    + "xmlns:xlink='http://www.w3.org/1999/xlink' version='1.1'>");
            for (Job j : jobs.values()) {
                String phase = j.phaseNow();
                if (p.containsKey("PHASE") && !p.get("PHASE").equals(phase)) {
                    continue;
                }
                xml.append("<uws:jobref id='").append(j.id).append("' xlink:href='").append(jobUrl(j.id))
                        .append("'><uws:phase>").append(phase).append("</uws:phase></uws:jobref>");
            }
            respond(ex, 200, "text/xml", xml.append("</uws:jobs>").toString());
            return;
        }
        String[] parts = path.split("/");
        // /run/async/{id}[/{sub}...]
        if (parts.length < 4 || !path.startsWith("/run/async/")) {
            respond(ex, 404, "text/plain", "nothing here");
            return;
        }
        Job job = jobs.get(parts[3]);
        if (job == null) {
            respond(ex, 404, "text/xml", "<VOTABLE xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE type='results'>"
                    + "<INFO name='QUERY_STATUS' value='ERROR'>UWS job '" + parts[3]
                    + "' could not be located in jobs table</INFO></RESOURCE></VOTABLE>");
            return;
        }
        String sub = parts.length > 4 ? String.join("/", List.of(parts).subList(4, parts.length)) : "";
        switch (method + " " + sub) {
            case "GET " -> status(ex, job, p);
            case "POST phase" -> {
                String phase = p.getOrDefault("PHASE", "");
                synchronized (job) {
                    if (phase.equals("RUN") && job.phase.equals("PENDING")) {
                        job.phase = "EXECUTING";
                        job.completeAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMillis);
                    } else if (phase.equals("ABORT") && !job.phaseNow().matches("COMPLETED|ERROR")) {
                        job.phase = "ABORTED";
                    }
                    job.notifyAll();
                }
                redirect(ex, jobUrl(job.id));
            }
            case "POST parameters" -> redirect(ex, jobUrl(job.id));
            case "DELETE " -> {
                if (!deleteAllowed) {
                    respond(ex, 405, "text/plain", "no DELETE here");
                    return;
                }
                jobs.remove(job.id);
                redirect(ex, base + "/run/async");
            }
            case "POST " -> {
                if ("DELETE".equals(p.get("ACTION"))) {
                    jobs.remove(job.id);
                    redirect(ex, base + "/run/async");
                } else {
                    respond(ex, 400, "text/plain", "what?");
                }
            }
            case "GET results/result" -> respond(ex, 200, "application/x-votable+xml", """
                    <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
                    <INFO name="QUERY_STATUS" value="OK"/><TABLE><FIELD name="n" datatype="long"/>
                    <DATA><TABLEDATA><TR><TD>1000000</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                    """);
            case "GET results/href" -> respond(ex, 403, "text/plain", "forbidden");
            case "GET error" -> respond(ex, 200, "text/xml", "<VOTABLE xmlns='http://www.ivoa.net/xml/VOTable/v1.3'>"
                    + "<RESOURCE type='results'><INFO name='QUERY_STATUS' value='ERROR'>Could not parse your query: "
                    + "Expected \"SELECT\"</INFO></RESOURCE></VOTABLE>");
            default -> respond(ex, 404, "text/plain", "no " + sub);
        }
    }

    private void status(HttpExchange ex, Job job, Map<String, String> p) throws IOException {
        if (failingStatusRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ex.getResponseHeaders().add("Retry-After", "0");
            respond(ex, 503, "text/plain", "busy");
            return;
        }
        if (!version.isEmpty() && p.containsKey("WAIT")) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(p.get("WAIT")));
            String expected = p.get("PHASE");
            synchronized (job) {
                String now = job.phaseNow();
                while ((expected == null ? now.matches("PENDING|QUEUED|EXECUTING") : now.equals(expected))
                        && System.nanoTime() < until) {
                    long wake = Math.min(until, job.completeAtNanos) - System.nanoTime();
                    if (wake > 0) {
                        try {
                            TimeUnit.NANOSECONDS.timedWait(job, wake);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    now = job.phaseNow();
                }
            }
        }
        String phase = job.phaseNow();
        String results = phase.equals("COMPLETED")
                ? "<uws:results><uws:result id='result' xlink:href='" + jobUrl(job.id)
                        + (resultHrefRefused ? "/results/href" : "/results/result") + "'/></uws:results>"
                : "<uws:results/>";
        String error = phase.equals("ERROR")
                ? "<uws:errorSummary type='fatal' hasDetail='true'><uws:message>short</uws:message></uws:errorSummary>"
                : "";
        respond(ex, 200, "text/xml", "<uws:job xmlns:uws='http://www.ivoa.net/xml/UWS/v1.0' "
                + "xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
                + (version.isEmpty() ? "" : " version='" + version + "'") + "><uws:jobId>" + job.id
                + "</uws:jobId><uws:ownerId xsi:nil='true'/><uws:phase>" + phase + "</uws:phase>"
                + "<uws:creationTime>2026-11-21T15:49:40Z</uws:creationTime><uws:executionDuration>3600</uws:executionDuration>"
                + "<uws:parameters><uws:parameter id='query'>" + job.query.replace("<", "&lt;")
                + "</uws:parameter></uws:parameters>" + results + error + "</uws:job>");
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> m = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return m;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        respond(ex, 303, "text/html", "<html>See Other</html>");
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
