package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local DaCHS test server (releng/test-server), at the URL in the system property
 * {@code astrolabe.test.tap}. Talks to it with the JDK's HTTP client, independently of the code
 * under test, to check it is up and to learn what it answers.
 */
final class TestServer {

    static final String URL = System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap");

    /** Host and port of {@link #URL}, as the views name the service. */
    static final String AUTHORITY = URI.create(URL).getRawAuthority();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern QUERY_STATUS_ERROR = Pattern.compile(
            "<INFO[^>]*name=\"QUERY_STATUS\"[^>]*value=\"ERROR\"[^>]*>(.*?)</INFO>", Pattern.DOTALL);

    private TestServer() {
    }

    /**
     * Skips the calling test unless the server says it is available; with
     * {@code -Dastrolabe.test.requireServer=true} (as in CI) a missing server fails the test instead.
     */
    static void assumeUp() {
        String missing = "No TAP server available at " + URL + " (start releng/test-server/ensure.sh)";
        boolean available = isAvailable();
        if (Boolean.getBoolean("astrolabe.test.requireServer")) {
            assertTrue(available, missing);
        } else {
            assumeTrue(available, missing);
        }
    }

    private static boolean isAvailable() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/availability"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().matches("(?s).*available>\\s*true\\s*<.*");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return the QUERY_STATUS=ERROR text the server gives for {@code adql}, unescaped */
    static String errorMessageFor(String adql) throws IOException, InterruptedException {
        String form = "REQUEST=doQuery&LANG=ADQL&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/sync"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = QUERY_STATUS_ERROR.matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("The server accepted '" + adql + "': " + response.body());
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&").strip();
    }
}
