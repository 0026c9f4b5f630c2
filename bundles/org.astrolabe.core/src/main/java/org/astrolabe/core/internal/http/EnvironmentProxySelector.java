package org.astrolabe.core.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxy choice as users expect it: the standard Java settings ({@code http.proxyHost},
 * {@code https.proxyHost}, {@code http.nonProxyHosts}, or {@code java.net.useSystemProxies}) win;
 * otherwise the conventional environment variables {@code https_proxy}, {@code http_proxy} and
 * {@code no_proxy} (either case) are honoured; otherwise connections are direct.
 */
final class EnvironmentProxySelector extends ProxySelector {

    private final Map<String, String> env;
    private final ProxySelector javaDefault;

    EnvironmentProxySelector(Map<String, String> env) {
        this(env, ProxySelector.getDefault());
    }

    EnvironmentProxySelector(Map<String, String> env, ProxySelector javaDefault) {
        this.env = env;
        this.javaDefault = javaDefault;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (javaSettingsPresent() && javaDefault != null) {
            return javaDefault.select(uri);
        }
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String spec = variable(scheme + "_proxy");
        if (spec == null || spec.isBlank() || excluded(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        URI proxy = URI.create(spec.contains("://") ? spec : "http://" + spec);
        int port = proxy.getPort() != -1 ? proxy.getPort() : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
    }

    private boolean javaSettingsPresent() {
        return System.getProperty("http.proxyHost") != null || System.getProperty("https.proxyHost") != null
                || Boolean.getBoolean("java.net.useSystemProxies");
    }

    boolean excluded(String host) {
        String noProxy = variable("no_proxy");
        if (noProxy == null || host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return Arrays.stream(noProxy.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .anyMatch(s -> s.equals("*") || h.equals(s.startsWith(".") ? s.substring(1) : s)
                        || h.endsWith(s.startsWith(".") ? s : "." + s));
    }

    private String variable(String name) {
        String v = env.get(name.toLowerCase(Locale.ROOT));
        return v != null ? v : env.get(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the transport reports the failure to the caller
    }
}
