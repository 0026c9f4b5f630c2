package org.astrolabe.core.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 9110 §11.6.1): a scheme such as
 * {@code Basic}, or one of the IVOA SSO schemes {@code ivoa_bearer}, {@code ivoa_cookie},
 * {@code ivoa_x509}, with its parameters ({@code realm}, {@code standard_id}, {@code access_url}).
 *
 * @param scheme the auth scheme, lower case
 * @param params its parameters, names lower case, values unquoted; a token68 is not kept
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    /** HTTP Basic. */
    public static final String BASIC = "basic";
    /** IVOA bearer token (from a login endpoint named by {@code access_url}). */
    public static final String IVOA_BEARER = "ivoa_bearer";
    /** IVOA session cookie. */
    public static final String IVOA_COOKIE = "ivoa_cookie";
    /** IVOA client certificate. */
    public static final String IVOA_X509 = "ivoa_x509";

    /** @throws IllegalArgumentException if the scheme is blank */
    public AuthChallenge {
        if (scheme == null || scheme.isBlank()) {
            throw new IllegalArgumentException("A challenge needs a scheme");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * @param name parameter name, case-insensitive
     * @return its value
     */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Parses the values of all {@code WWW-Authenticate} headers of an answer. Malformed parts are
     * skipped, never fatal.
     *
     * @param headerValues the header values in order
     * @return the challenges in order
     */
    public static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String value : headerValues) {
            if (value != null) {
                parseOne(value, out);
            }
        }
        return out;
    }

    private static void parseOne(String header, List<AuthChallenge> out) {
        List<String> tokens = tokenize(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (t.equals(",") || t.equals("=") || isQuoted(t)) {
                i++;
            } else if (scheme != null && i + 1 < tokens.size() && tokens.get(i + 1).equals("=")) {
                boolean hasValue = i + 2 < tokens.size() && !tokens.get(i + 2).equals(",");
                params.put(t.toLowerCase(Locale.ROOT), hasValue ? unquote(tokens.get(i + 2)) : "");
                i += hasValue ? 3 : 2;
            } else {
                if (scheme != null) {
                    out.add(new AuthChallenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = t;
                i++;
            }
        }
        if (scheme != null) {
            out.add(new AuthChallenge(scheme, params));
        }
    }

    private static boolean isQuoted(String t) {
        return t.startsWith("\"");
    }

    private static String unquote(String t) {
        if (!isQuoted(t)) {
            return t;
        }
        String inner = t.substring(1, t.endsWith("\"") && t.length() > 1 ? t.length() - 1 : t.length());
        return inner.replaceAll("\\\\(.)", "$1");
    }

    private static List<String> tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',' || c == '=') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                tokens.add(s.substring(i, Math.min(j + 1, s.length())));
                i = j + 1;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != ','
                        && s.charAt(j) != '=' && s.charAt(j) != '"') {
                    j++;
                }
                tokens.add(s.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }
}
