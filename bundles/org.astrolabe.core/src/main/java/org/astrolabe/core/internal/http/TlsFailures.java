package org.astrolabe.core.internal.http;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.ClientTlsContext;
import org.astrolabe.core.auth.Origin;

/**
 * Tells a server's refusal of a TLS connection for want of (or because of) a client certificate
 * apart from a network failure. Two signs: an explicit TLS alert from the server
 * ({@code certificate_required}, {@code bad_certificate}, {@code certificate_expired}...), or a
 * connection that broke after the server asked the {@link ClientTlsContext} for a certificate and
 * none was presented (TLS 1.3 servers often just close; TLS 1.2 ones may send only
 * {@code handshake_failure}). Stateless.
 */
final class TlsFailures {

    private static final Pattern ALERT = Pattern.compile("Received fatal alert: ([a-z_]+)");

    private TlsFailures() {
    }

    /**
     * @param uri the request's URL
     * @param tls the TLS context the connection used, when it is one of ours
     * @param started {@link System#nanoTime()} when the request was sent
     * @param failure what the connection reported
     * @return the authentication failure it stands for, or empty when it is some other failure
     */
    static Optional<AuthenticationException> classify(URI uri, Optional<ClientTlsContext> tls, long started,
            IOException failure) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        Origin origin = Origin.of(uri);
        Optional<ClientTlsContext.CertificateRequest> request = tls
                .flatMap(t -> t.certificateRequest(uri.getHost(), origin.port()))
                .filter(r -> r.when() - started >= 0);
        boolean presented = request.map(ClientTlsContext.CertificateRequest::presented)
                .orElse(tls.map(ClientTlsContext::hasCertificate).orElse(false));
        Optional<String> alert = alert(failure);
        if (alert.isPresent()) {
            String name = alert.get();
            String refusal = switch (name) {
                case "certificate_expired" -> "it has expired";
                case "certificate_revoked" -> "it has been revoked";
                case "certificate_required", "bad_certificate", "certificate_unknown", "unsupported_certificate",
                        "unknown_ca", "access_denied" -> "the server does not accept it";
                // generic: a certificate problem only when the server asked for one and got none
                case "handshake_failure" -> request.isPresent() && !presented ? "" : null;
                default -> null;
            };
            if (refusal == null) {
                return Optional.empty();
            }
            return Optional.of(presented ? new AuthenticationException(origin + " refused the client certificate: "
                    + refusal + " (TLS alert " + name + ").", uri, true, failure) : required(origin, uri, name, failure));
        }
        if (request.isPresent() && !request.get().presented()) {
            return Optional.of(required(origin, uri, null, failure));
        }
        if (request.isPresent()) {
            // A certificate was sent during this request's handshake and the server closed at once.
            return Optional.of(new AuthenticationException(origin + " refused the client certificate (it closed the "
                    + "connection once the certificate was sent): check that it is the right one for this service.",
                    uri, true, failure));
        }
        return Optional.empty();
    }

    private static AuthenticationException required(Origin origin, URI uri, String alert, Throwable cause) {
        return new AuthenticationException(origin + " requires a client certificate: log in with --cert FILE"
                + (alert == null ? "" : " (TLS alert " + alert + ")") + ".", uri, false, cause);
    }

    /** The alert a server sent, from the failure or its causes. */
    static Optional<String> alert(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = ALERT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
