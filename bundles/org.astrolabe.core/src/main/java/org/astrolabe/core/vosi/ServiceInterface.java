package org.astrolabe.core.vosi;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One interface of a capability: where to send requests and which security methods it accepts.
 * Services such as CADC's list one interface per security method (anonymous, cookie, client
 * certificate, HTTP Basic); credentials negotiation chooses among them.
 *
 * @param type the local name of its {@code xsi:type} (e.g. {@code ParamHTTP}, {@code WebBrowser}), or ""
 * @param role its role ({@code std} for the standard interface), or ""
 * @param version the standard's version it implements, or ""
 * @param accessUrls its access URLs, at least one in a valid document
 * @param mirrorUrls other URLs serving the same thing
 * @param securityMethods the security methods it accepts; empty means anonymous access only
 */
public record ServiceInterface(String type, String role, String version, List<AccessUrl> accessUrls,
        List<URI> mirrorUrls, List<SecurityMethod> securityMethods) {

    /** @throws NullPointerException if a list is null */
    public ServiceInterface {
        type = Objects.requireNonNullElse(type, "");
        role = Objects.requireNonNullElse(role, "");
        version = Objects.requireNonNullElse(version, "");
        accessUrls = List.copyOf(accessUrls);
        mirrorUrls = List.copyOf(mirrorUrls);
        securityMethods = List.copyOf(securityMethods);
    }

    /** @return whether anonymous requests are accepted (no security method, or an empty one) */
    public boolean allowsAnonymous() {
        return securityMethods.isEmpty() || securityMethods.stream().anyMatch(SecurityMethod::isAnonymous);
    }

    /**
     * An access URL.
     *
     * @param url the URL
     * @param use {@code full}, {@code base}, {@code post} or {@code dir} as the service says, or ""
     */
    public record AccessUrl(URI url, String use) {
        /** @throws NullPointerException if the URL is null */
        public AccessUrl {
            Objects.requireNonNull(url, "url");
            use = Objects.requireNonNullElse(use, "");
        }
    }

    /**
     * A security method of an interface (SSO standard ids).
     *
     * @param standardId e.g. {@link #BASIC_AA}; "" for an empty {@code securityMethod}, which
     *        means anonymous access
     */
    public record SecurityMethod(String standardId) {
        /** HTTP Basic authentication. */
        public static final String BASIC_AA = "ivo://ivoa.net/sso#BasicAA";
        /** A session cookie from a login endpoint. */
        public static final String COOKIE = "ivo://ivoa.net/sso#cookie";
        /** TLS with a client certificate. */
        public static final String TLS_WITH_CERTIFICATE = "ivo://ivoa.net/sso#tls-with-certificate";
        /** A bearer token. */
        public static final String TOKEN = "ivo://ivoa.net/sso#token";

        /** Never fails; null becomes "". */
        public SecurityMethod {
            standardId = Objects.requireNonNullElse(standardId, "").strip();
        }

        /** @return whether this stands for anonymous access */
        public boolean isAnonymous() {
            return standardId.isEmpty();
        }
    }
}
