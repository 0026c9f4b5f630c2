package org.astrolabe.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.junit.jupiter.api.Test;

/**
 * Negotiation against CADC's real capabilities (shared/corpus/astroquery/cadc/tap_caps.xml when
 * present, the committed trim of it otherwise): TAP takes anonymous, cookie and certificate;
 * only the log-control endpoint takes HTTP Basic.
 */
class NegotiatorTest {

    static final URI ARGUS = URI.create("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus");

    static Capabilities cadc() throws Exception {
        Path corpus = Path.of(System.getProperty("astrolabe.corpus", "/nonexistent"), "astroquery/cadc/tap_caps.xml");
        try (InputStream in = Files.exists(corpus) ? Files.newInputStream(corpus)
                : NegotiatorTest.class.getResourceAsStream("/tap_caps_fixture.xml")) {
            return new CapabilitiesReader().read(in, ARGUS);
        }
    }

    private static final Credentials.Password ALICE = new Credentials.Password("alice", "pw".toCharArray());

    @Test
    void certificateIsChosenForACertificateAndATokenIsRefused() throws Exception {
        org.astrolabe.auth.TestPki pki = new org.astrolabe.auth.TestPki();
        var cert = new Credentials.Certificate(new org.astrolabe.auth.ClientCertificate(null,
                pki.server.keys().getPrivate(), List.of(pki.server.certificate())));
        assertEquals(LoginOptions.CERTIFICATE, Negotiator.choose(ARGUS, cadc(), cert, LoginOptions.defaults()).method());
        CredentialException e = assertThrows(CredentialException.class,
                () -> Negotiator.choose(ARGUS, cadc(), new Credentials.Token("abc"), LoginOptions.defaults()));
        assertTrue(e.getMessage().contains("a bearer token cannot be used"), e.getMessage());
        assertFalse(e.getMessage().contains("abc"));
    }

    static Capabilities synthetic(String base) throws Exception {
        String doc = """
                <vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <capability standardID="ivo://ivoa.net/std/TAP">
                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                      <accessURL use="base">BASE/tap</accessURL>
                      <securityMethod/>
                      <securityMethod standardID="ivo://ivoa.net/sso#cookie"/>
                      <securityMethod standardID="ivo://ivoa.net/sso#token"/>
                      <securityMethod standardID="ivo://ivoa.net/sso#tls-with-certificate"/>
                    </interface>
                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                      <accessURL use="base">BASE/auth-tap</accessURL>
                      <securityMethod standardID="ivo://ivoa.net/sso#BasicAA"/>
                    </interface>
                  </capability>
                  <capability standardID="ivo://ivoa.net/std/UMS#login-0.1">
                    <interface xsi:type="vs:ParamHTTP" role="std">
                      <accessURL use="full">BASE/login</accessURL>
                    </interface>
                  </capability>
                </vosi:capabilities>
                """.replace("BASE", base);
        return new CapabilitiesReader().read(new java.io.ByteArrayInputStream(doc.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), URI.create(base + "/tap/capabilities"));
    }

    @Test
    void preferenceOrderDecidesAndTheUserCanChangeIt() throws Exception {
        URI service = URI.create("https://archive.example/tap");
        Capabilities caps = synthetic("https://archive.example");
        Negotiator.Plan plan = Negotiator.choose(service, caps, ALICE, LoginOptions.defaults());
        assertEquals(LoginOptions.TOKEN, plan.method(), "default order: token (from the login) before cookie and Basic");
        assertEquals(Optional.of(URI.create("https://archive.example/login")), plan.loginUrl());
        assertTrue(plan.bearerToo());
        plan = Negotiator.choose(service, caps, ALICE, LoginOptions.defaults()
                .withPreference(List.of(LoginOptions.COOKIE, LoginOptions.BASIC)));
        assertEquals(LoginOptions.COOKIE, plan.method());
        plan = Negotiator.choose(service, caps, ALICE, LoginOptions.defaults()
                .withPreference(List.of(LoginOptions.BASIC, LoginOptions.COOKIE)));
        assertEquals(LoginOptions.BASIC, plan.method());
        assertTrue(plan.loginUrl().isEmpty());
        assertFalse(plan.basicOnChallenge());
        assertThrows(IllegalArgumentException.class,
                () -> LoginOptions.defaults().withPreference(List.of("ivo://ivoa.net/sso#saml2.0")));
        assertEquals(Set.of(Origin.of(service)), plan.origins());
    }

    @Test
    void nothingAdvertisedKeepsThePasswordForABasicChallenge() throws Exception {
        URI dachs = URI.create("http://127.0.0.1:18080/tap");
        Negotiator.Plan plan = Negotiator.choose(dachs, new Capabilities(List.of(), List.of()), ALICE,
                LoginOptions.defaults());
        assertEquals(LoginOptions.BASIC, plan.method());
        assertTrue(plan.basicOnChallenge());
        assertEquals(Set.of(Origin.of(dachs)), plan.origins());
        plan = Negotiator.choose(dachs, new Capabilities(List.of(), List.of()), ALICE,
                LoginOptions.defaults().withPreference(List.of(LoginOptions.BASIC)));
        assertFalse(plan.basicOnChallenge(), "Basic first: sent on every request");
    }

    @Test
    void passwordNeedsALoginEndpointForCadcsCookie() throws Exception {
        CredentialException e = assertThrows(CredentialException.class,
                () -> Negotiator.choose(ARGUS, cadc(), ALICE, LoginOptions.defaults()));
        assertTrue(e.getMessage().contains("login cookies") && e.getMessage().contains("client certificates"),
                e.getMessage());
        assertTrue(e.getMessage().contains("needs a login endpoint"), e.getMessage());
        assertFalse(e.getMessage().contains("HTTP Basic"), "log control's Basic is not TAP's: " + e.getMessage());
        URI login = URI.create("https://ws-cadc.canfar.net/ac/login");
        Negotiator.Plan plan = Negotiator.choose(ARGUS, cadc(), ALICE,
                new LoginOptions(LoginOptions.DEFAULT_PREFERENCE, Optional.empty(), java.util.Set.of(), Optional.of(login)));
        assertEquals(LoginOptions.COOKIE, plan.method());
        assertEquals(Optional.of(login), plan.loginUrl());
        assertFalse(plan.bearerToo(), "argus does not advertise #token");
        assertTrue(plan.origins().contains(Origin.of(login)));
        assertTrue(plan.origins().contains(Origin.of(ARGUS)));
    }
}
