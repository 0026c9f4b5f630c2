package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/** Astrolabe's DS services are registered and usable from another bundle (this one). */
class ServiceRegistrationTest {

    @Test
    void httpTransportIsRegisteredByCore() throws Exception {
        HttpTransport transport = Services.get(HttpTransport.class);
        assertEquals("org.astrolabe.core", Services.provider(HttpTransport.class));
        assertTrue(transport.settings().userAgent().startsWith("Astrolabe/"));
    }

    @Test
    void tapClientFactoryIsRegisteredByTapAndMakesClients() throws Exception {
        TapClientFactory factory = Services.get(TapClientFactory.class);
        assertEquals("org.astrolabe.tap", Services.provider(TapClientFactory.class));
        TapClient client = factory.create(URI.create("https://archive.example/tap/sync/"));
        assertEquals(URI.create("https://archive.example/tap"), client.baseUri());
        assertThrows(IllegalArgumentException.class, () -> factory.create(URI.create("ftp://archive.example/tap")));
    }

    @Test
    void transportServiceReportsUnreachableHostAsTransient() throws Exception {
        HttpTransport transport = Services.get(HttpTransport.class);
        // Port 9 (discard) on loopback: nothing listens there on these machines.
        TransientException e = assertThrows(TransientException.class,
                () -> transport.send(HttpRequest.get(URI.create("http://127.0.0.1:9/tap")), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("127.0.0.1:9"), e.getMessage());
    }
}
