package org.astrolabe.ui.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

class QueryRequestTest {

    @Test
    void readsTheForm() {
        QueryRequest request = QueryRequest.fromForm("  https://archive.example.org:8443/tap \n",
                "SELECT TOP 1 * FROM TAP_SCHEMA.tables", 500);
        assertEquals(URI.create("https://archive.example.org:8443/tap"), request.service());
        assertEquals(500, request.query().maxrec().getAsLong());
        assertEquals("archive.example.org:8443", request.serviceLabel());
    }

    @Test
    void anEmptyUrlAsksForOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryRequest.fromForm(" ", "SELECT 1", 10));
        assertTrue(e.getMessage().startsWith("Enter the base URL of a TAP service"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertMessage("Not a URL: http://exa mple.org/tap", "http://exa mple.org/tap");
        assertMessage("A TAP service URL starts with http:// or https://: ftp://example.org/tap",
                "ftp://example.org/tap");
        assertMessage("A TAP service URL starts with http:// or https://: example.org/tap", "example.org/tap");
        assertMessage("The TAP service URL has no host: http:///tap", "http:///tap");
    }

    @Test
    void refusesAnEmptyQuery() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryRequest.fromForm("http://example.org/tap", "  \n", 10));
        assertTrue(e.getMessage().contains("The query is empty"), e.getMessage());
    }

    private static void assertMessage(String expectedStart, String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryRequest.fromForm(url, "SELECT 1", 10));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
