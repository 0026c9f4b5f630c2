package org.astrolabe.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvironmentProxySelectorTest {

    private static Proxy only(EnvironmentProxySelector s, String uri) {
        List<Proxy> proxies = s.select(URI.create(uri));
        assertEquals(1, proxies.size());
        return proxies.get(0);
    }

    @Test
    void directWithoutSettings() {
        assertEquals(Proxy.NO_PROXY, only(new EnvironmentProxySelector(Map.of(), null), "https://example.org/tap"));
    }

    @Test
    void environmentProxyPerScheme() {
        var s = new EnvironmentProxySelector(Map.of("https_proxy", "http://proxy.lab:3128", "HTTP_PROXY",
                "plain.lab:8080"), null);
        InetSocketAddress secure = (InetSocketAddress) only(s, "https://example.org/tap").address();
        assertEquals("proxy.lab", secure.getHostString());
        assertEquals(3128, secure.getPort());
        InetSocketAddress plain = (InetSocketAddress) only(s, "http://example.org/tap").address();
        assertEquals("plain.lab", plain.getHostString());
    }

    @Test
    void noProxyExcludesHostsAndDomains() {
        var s = new EnvironmentProxySelector(Map.of("http_proxy", "http://proxy.lab:3128",
                "no_proxy", "localhost,127.0.0.1,.cadc.example"), null);
        assertEquals(Proxy.NO_PROXY, only(s, "http://127.0.0.1:18080/tap"));
        assertEquals(Proxy.NO_PROXY, only(s, "http://ws.cadc.example/argus"));
        assertEquals(Proxy.Type.HTTP, only(s, "http://other.example/tap").type());
    }
}
