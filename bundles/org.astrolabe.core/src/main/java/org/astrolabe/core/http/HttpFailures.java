package org.astrolabe.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.TransientException;

/** Turns HTTP error statuses into Astrolabe's typed failures. Stateless. */
public final class HttpFailures {

    private static final int EXCERPT = 300;

    private HttpFailures() {
    }

    /**
     * Returns {@code result} if its status is 2xx, otherwise closes it and throws the failure that
     * matches the status.
     *
     * @param result an answer whose body has not been read
     * @return {@code result}, for chaining
     * @throws AuthenticationException on 401 (required; refused when credentials were sent) and
     *         403 (denied)
     * @throws NotFoundException on 404 and 410
     * @throws TransientException on 408, 429, 502, 503, 504, with the server's Retry-After
     * @throws ServiceFailureException on any other status, with an excerpt of the body
     */
    public static HttpResult requireSuccess(HttpResult result) throws AstrolabeException {
        int status = result.status();
        if (status >= 200 && status < 300) {
            return result;
        }
        try (result) {
            var uri = result.uri();
            switch (status) {
                case 401 -> throw result.credentialsSent()
                        ? new AuthenticationException("Access refused to " + uri
                                + " (HTTP 401): the service did not accept these credentials.", uri, true)
                        : new AuthenticationException(
                                "Authentication required for " + uri + " (HTTP 401): log in first.", uri, false);
                case 403 -> throw new AuthenticationException(
                        "Access refused to " + uri + " (HTTP 403): these credentials do not allow it.", uri, true);
                case 404, 410 -> throw new NotFoundException("Not found: " + uri + " (HTTP " + status + ")", uri);
                case 408, 429, 502, 503, 504 -> throw new TransientException(
                        "The service at " + uri.getHost() + " is temporarily unavailable (HTTP " + status
                                + "); try again later.",
                        uri, retryAfter(result), null);
                default -> {
                    String excerpt = excerpt(result);
                    throw new ServiceFailureException("The service at " + uri + " answered HTTP " + status
                            + (excerpt.isEmpty() ? "" : ": " + excerpt), uri, null);
                }
            }
        }
    }

    /**
     * @return the delay of a {@code Retry-After} header (seconds or HTTP date), or {@code null}
     */
    static Duration retryAfter(HttpResult result) {
        String value = result.header("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                var when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String excerpt(HttpResult result) {
        String media = result.mediaType();
        if (!(media.startsWith("text/") || media.contains("xml") || media.contains("json"))) {
            return "";
        }
        try (InputStream in = result.body()) {
            String text = new String(in.readNBytes(4 * EXCERPT), StandardCharsets.UTF_8);
            text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
        } catch (IOException e) {
            return "";
        }
    }
}
