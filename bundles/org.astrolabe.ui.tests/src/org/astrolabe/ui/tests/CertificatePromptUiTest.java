package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.ClientTlsContext;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.ui.ServicesViews;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * An {@code ivoa_x509} challenge met by a background request in the workbench opens the Login
 * dialog in certificate mode (the UI's CredentialPrompt); the PKCS#12 file and passphrase typed
 * there answer it and the request is retried with the certificate. Cancelling gives an
 * authentication failure. The TLS server is local, its certificate and the client's made with
 * keytool at test time; no DaCHS needed.
 */
class CertificatePromptUiTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static Path dir;
    static Path clientP12;
    static HttpsServer server;
    static URI base;
    static SSLContext trustServer;

    private AstrolabeWindow ui;

    static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
    }

    static KeyStore load(Path p12, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    static KeyStore trusting(KeyStore keys, String alias) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, keys.getCertificate(alias));
        return trust;
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("astrolabe-ui-x509");
        Path serverP12 = dir.resolve("server.p12");
        clientP12 = dir.resolve("carol.p12");
        keytool("-genkeypair", "-keystore", serverP12.toString(), "-storetype", "PKCS12", "-storepass", "server",
                "-alias", "server", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2");
        keytool("-genkeypair", "-keystore", clientP12.toString(), "-storetype", "PKCS12", "-storepass", "sesame",
                "-alias", "client", "-dname", "CN=carol,O=ui test", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2");
        KeyStore serverKeys = load(serverP12, "server");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, "server".toCharArray());
        TrustManagerFactory clients = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        clients.init(trusting(load(clientP12, "sesame"), "client"));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), clients.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/data", ex -> {
            ex.getRequestBody().readAllBytes();
            String subject;
            int status = 200;
            try {
                subject = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException none) {
                subject = "who are you";
                status = 401;
                ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_x509");
            }
            byte[] body = subject.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        TrustManagerFactory servers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        servers.init(trusting(serverKeys, "server"));
        trustServer = ClientTlsContext.create(null, servers.getTrustManagers());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @BeforeEach
    void open() throws Exception {
        ui = AstrolabeWindow.open();
        // What --ca-certs or the Login dialog's trust does: this archive trusts the test server.
        service(SessionManager.class).adopt(new ArchiveSession(base, Set.of(Origin.of(base)), "", List.of(),
                Optional.of(trustServer)));
    }

    @AfterEach
    void logout() throws Exception {
        service(SessionManager.class).logout(base);
    }

    static <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CertificatePromptUiTest.class).getBundleContext(), type, null);
        tracker.open();
        S s = tracker.waitForService(20_000);
        tracker.close();
        return s;
    }

    static String fetch() throws Exception {
        HttpTransport transport = service(HttpTransport.class);
        try (HttpResult r = HttpFailures.requireSuccess(transport.send(HttpRequest.get(base.resolve("/data")),
                new NullProgressMonitor())); InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static <T> T offUiThread(Callable<T> work) throws Exception {
        CompletableFuture<T> future = new CompletableFuture<>();
        new Thread(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "CertificatePromptUiTest request").start();
        UiWait.until(future::isDone, WAIT, "the request to end", () -> "still running");
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @Test
    void theCertificateChosenInTheDialogAnswersTheChallenge() throws Exception {
        DialogDriver driver = DialogDriver.whenOpen(ServicesViews.LOGIN_DIALOG_WIDGET, dialog -> {
            assertTrue(Widgets.find(dialog, ServicesViews.LOGIN_CERTIFICATE_MODE_WIDGET, Button.class).getSelection(),
                    "a certificate challenge opens the dialog in certificate mode");
            assertFalse(Widgets.find(dialog, ServicesViews.LOGIN_PASSWORD_MODE_WIDGET, Button.class).isEnabled());
            Widgets.find(dialog, ServicesViews.LOGIN_CERTIFICATE_WIDGET, Text.class).setText(clientP12.toString());
            Widgets.find(dialog, ServicesViews.LOGIN_PASSPHRASE_WIDGET, Text.class).setText("sesame");
            Screenshots.save(dialog, "login-dialog-certificate-challenge");
            Widgets.click(DialogDriver.button(dialog, "Log In"));
        });
        String subject = offUiThread(CertificatePromptUiTest::fetch);
        driver.check();
        assertTrue(subject.contains("CN=carol"), subject);
        assertEquals("ivo://ivoa.net/sso#tls-with-certificate",
                service(SessionManager.class).session(base).orElseThrow().securityMethod());
    }

    @Test
    void cancellingTheDialogIsAnAuthenticationFailure() throws Exception {
        DialogDriver driver = DialogDriver.whenOpen(ServicesViews.LOGIN_DIALOG_WIDGET,
                dialog -> Widgets.click(DialogDriver.button(dialog, "Cancel")));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> offUiThread(CertificatePromptUiTest::fetch));
        driver.check();
        assertTrue(e.getMessage().contains("requires a client certificate"), e.getMessage());
    }
}
