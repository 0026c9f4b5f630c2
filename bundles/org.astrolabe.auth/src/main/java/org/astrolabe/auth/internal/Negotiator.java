package org.astrolabe.auth.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.Capability;
import org.astrolabe.core.vosi.ServiceInterface;

/**
 * Chooses a security method from the capabilities, the credentials held and the user's order of
 * preference. Pure logic; stateless.
 */
public final class Negotiator {

    /**
     * The outcome.
     *
     * @param method the IVOA SSO standard id chosen
     * @param loginUrl the UMS login endpoint for a password turned into a cookie or token
     * @param basicOnChallenge a password kept for HTTP Basic and sent only after a Basic challenge
     *        (the service advertises no security method at all)
     * @param origins where the credentials may go
     * @param bearerToo whether the token from a login is also sent as a bearer token
     */
    public record Plan(String method, Optional<URI> loginUrl, boolean basicOnChallenge, Set<Origin> origins,
            boolean bearerToo) {
    }

    private Negotiator() {
    }

    /**
     * @param service the service's URL
     * @param capabilities its capabilities (empty when it has none)
     * @param credentials what the user holds
     * @param options preference and extra origins
     * @return the plan
     * @throws CredentialException when the service advertises security methods and none fits the
     *         credentials (the message lists what it accepts)
     */
    public static Plan choose(URI service, Capabilities capabilities, Credentials credentials, LoginOptions options)
            throws CredentialException {
        Set<String> advertised = new LinkedHashSet<>();
        Set<Origin> origins = new LinkedHashSet<>();
        origins.add(Origin.of(service));
        Optional<URI> loginUrl = options.loginUrl();
        // The methods of the service itself (its TAP capability when it has one), not of side
        // endpoints such as CADC's log control, which takes HTTP Basic while TAP does not.
        List<Capability> target = capabilities.tapCapability().map(List::of).orElse(capabilities.capabilities());
        for (Capability c : target) {
            for (ServiceInterface i : c.interfaces()) {
                i.securityMethods().stream().filter(m -> !m.isAnonymous()).forEach(m -> advertised.add(m.standardId()));
            }
        }
        for (Capability c : capabilities.capabilities()) {
            for (ServiceInterface i : c.interfaces()) {
                for (ServiceInterface.AccessUrl a : i.accessUrls()) {
                    try {
                        origins.add(Origin.of(a.url()));
                    } catch (IllegalArgumentException notHttp) {
                        // a non-http access URL gets nothing
                    }
                    if (c.standardId().equalsIgnoreCase(LoginOptions.UMS_LOGIN) && loginUrl.isEmpty()) {
                        loginUrl = Optional.of(a.url());
                    }
                }
            }
        }
        origins.addAll(options.extraOrigins());
        loginUrl.ifPresent(u -> origins.add(Origin.of(u)));
        Set<Origin> fixedOrigins = Set.copyOf(origins);
        List<String> usable = usable(credentials);
        for (String m : options.preference()) {
            if (!usable.contains(m) || !advertised.contains(m)) {
                continue;
            }
            boolean needsLogin = credentials instanceof Credentials.Password && !m.equals(LoginOptions.BASIC);
            if (needsLogin && loginUrl.isEmpty()) {
                continue;
            }
            return new Plan(m, needsLogin ? loginUrl : Optional.empty(), false, fixedOrigins,
                    needsLogin && advertised.contains(LoginOptions.TOKEN));
        }
        if (advertised.isEmpty() || advertised.stream().noneMatch(LoginOptions.DEFAULT_PREFERENCE::contains)) {
            // Nothing advertised: the user's explicit credentials are used as they are.
            return switch (credentials) {
                case Credentials.Certificate c -> new Plan(LoginOptions.CERTIFICATE, Optional.empty(), false,
                        fixedOrigins, false);
                case Credentials.Token t -> new Plan(LoginOptions.TOKEN, Optional.empty(), false, fixedOrigins, false);
                case Credentials.Cookie k -> new Plan(LoginOptions.COOKIE, Optional.empty(), false, fixedOrigins, false);
                case Credentials.Password p -> options.loginUrl().isPresent()
                        ? new Plan(LoginOptions.COOKIE, options.loginUrl(), false, fixedOrigins, true)
                        // Basic on challenge, unless the user put Basic first: then on every request
                        // (so that, e.g., async jobs are created as the user's own).
                        : new Plan(LoginOptions.BASIC, Optional.empty(),
                                !options.preference().get(0).equals(LoginOptions.BASIC), fixedOrigins, false);
            };
        }
        throw new CredentialException("The service at " + service + " accepts " + describe(advertised)
                + (advertised.contains(LoginOptions.COOKIE) && credentials instanceof Credentials.Password
                        ? " (a cookie needs a login endpoint, and the service names none)" : "")
                + "; " + describe(credentials) + " cannot be used there", service);
    }

    static List<String> usable(Credentials credentials) {
        return switch (credentials) {
            case Credentials.Certificate c -> List.of(LoginOptions.CERTIFICATE);
            case Credentials.Token t -> List.of(LoginOptions.TOKEN);
            case Credentials.Cookie k -> List.of(LoginOptions.COOKIE);
            case Credentials.Password p -> List.of(LoginOptions.COOKIE, LoginOptions.TOKEN, LoginOptions.BASIC);
        };
    }

    private static String describe(Credentials credentials) {
        return switch (credentials) {
            case Credentials.Certificate c -> "a client certificate";
            case Credentials.Token t -> "a bearer token";
            case Credentials.Cookie k -> "a cookie";
            case Credentials.Password p -> "a user name and password";
        };
    }

    private static String describe(Set<String> methods) {
        return methods.stream().map(m -> switch (m) {
            case LoginOptions.CERTIFICATE -> "client certificates";
            case LoginOptions.TOKEN -> "bearer tokens";
            case LoginOptions.COOKIE -> "login cookies";
            case LoginOptions.BASIC -> "HTTP Basic";
            default -> m;
        }).reduce((a, b) -> a + ", " + b).orElse("nothing");
    }
}
