package org.astrolabe.auth;

import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.astrolabe.core.auth.Origin;

/**
 * How to log in.
 *
 * @param preference the security methods to try, most preferred first (IVOA SSO standard ids);
 *        only those the service advertises and the credentials allow are used
 * @param trustStore certificates of a private CA to trust for this archive's origins (they replace
 *        the default trust there; hostname checks stay on), or empty for the default trust
 * @param extraOrigins further hosts of the same archive (e.g. its DataLink or data host) that get
 *        the credentials too
 * @param loginUrl a UMS login endpoint to use when the capabilities name none, or empty
 */
public record LoginOptions(List<String> preference, Optional<KeyStore> trustStore, Set<Origin> extraOrigins,
        Optional<URI> loginUrl) {

    /** Client certificate. */
    public static final String CERTIFICATE = "ivo://ivoa.net/sso#tls-with-certificate";
    /** Bearer token (from a file, or from a UMS login). */
    public static final String TOKEN = "ivo://ivoa.net/sso#token";
    /** Session cookie from a UMS login. */
    public static final String COOKIE = "ivo://ivoa.net/sso#cookie";
    /** HTTP Basic. */
    public static final String BASIC = "ivo://ivoa.net/sso#BasicAA";
    /** The IVOA UMS login standard. */
    public static final String UMS_LOGIN = "ivo://ivoa.net/std/UMS#login-0.1";

    /**
     * The default order: a certificate first (nothing secret crosses the wire), then a bearer token,
     * then a cookie from a login, then HTTP Basic (the password on every request) last.
     */
    public static final List<String> DEFAULT_PREFERENCE = List.of(CERTIFICATE, TOKEN, COOKIE, BASIC);

    /** @throws IllegalArgumentException if the preference is empty or names an unknown method */
    public LoginOptions {
        preference = List.copyOf(preference);
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("The security-method preference is empty");
        }
        for (String m : preference) {
            if (!DEFAULT_PREFERENCE.contains(m)) {
                throw new IllegalArgumentException("Unknown security method " + m + " (known: " + DEFAULT_PREFERENCE
                        + ")");
            }
        }
        Objects.requireNonNull(trustStore, "trustStore");
        extraOrigins = Set.copyOf(extraOrigins);
        Objects.requireNonNull(loginUrl, "loginUrl");
    }

    /** @return the default preference, default trust, no extra origins */
    public static LoginOptions defaults() {
        return new LoginOptions(DEFAULT_PREFERENCE, Optional.empty(), Set.of(), Optional.empty());
    }

    /** @return a copy trusting the CA certificates of {@code store} for this archive */
    public LoginOptions withTrustStore(KeyStore store) {
        return new LoginOptions(preference, Optional.of(store), extraOrigins, loginUrl);
    }

    /** @return a copy with another preference order */
    public LoginOptions withPreference(List<String> order) {
        return new LoginOptions(order, trustStore, extraOrigins, loginUrl);
    }
}
