package org.astrolabe.auth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.Credentials;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The IVOA UMS login ({@code ivo://ivoa.net/std/UMS#login-0.1}): POST {@code username} and
 * {@code password} as a form; the body of a 200 answer is the token.
 */
public final class UmsLogin {

    /** The cookie name CADC's services (and this login standard's implementations) expect. */
    public static final String COOKIE_NAME = "CADC_SSO";
    private static final int MAX_TOKEN = 16 * 1024;

    private UmsLogin() {
    }

    /**
     * @param transport the transport
     * @param loginUrl the login endpoint
     * @param password user and password
     * @param monitor progress, may be {@code null}
     * @return the token, stripped
     * @throws CredentialException when the endpoint refuses the user (401/403)
     * @throws AstrolabeException on other failures; never with the password in the message
     */
    public static String login(HttpTransport transport, URI loginUrl, Credentials.Password password,
            IProgressMonitor monitor) throws AstrolabeException {
        HttpRequest post = HttpRequest.post(loginUrl, List.of(new Parameter("username", password.user()),
                new Parameter("password", new String(password.password()))))
                .withHeader("Accept", "text/plain");
        try (HttpResult result = transport.send(post, monitor)) {
            if (result.status() == 401 || result.status() == 403) {
                throw new CredentialException("Login refused by " + loginUrl + " for user " + password.user()
                        + " (HTTP " + result.status() + "): check the user name and password", loginUrl);
            }
            HttpFailures.requireSuccess(result);
            try (InputStream in = result.body()) {
                byte[] bytes = in.readNBytes(MAX_TOKEN + 1);
                String token = new String(bytes, StandardCharsets.UTF_8).strip();
                if (token.isEmpty() || bytes.length > MAX_TOKEN || token.chars().anyMatch(c -> c <= ' ' || c == '"')) {
                    throw new ServiceFailureException("The login endpoint " + loginUrl
                            + " did not answer with a token", loginUrl, null);
                }
                return token;
            } catch (IOException e) {
                throw new ServiceFailureException("Reading the answer of the login endpoint " + loginUrl + " failed: "
                        + e.getMessage(), loginUrl, e);
            }
        }
    }

    /** @return the headers that carry a login token: the quoted cookie, and a bearer token when asked */
    static List<Parameter> headers(String token, boolean bearerToo) {
        Parameter cookie = new Parameter("Cookie", COOKIE_NAME + "=\"" + token + "\"");
        return bearerToo ? List.of(cookie, new Parameter("Authorization", "Bearer " + token)) : List.of(cookie);
    }
}
