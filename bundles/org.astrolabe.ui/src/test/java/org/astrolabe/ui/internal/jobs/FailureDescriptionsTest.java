package org.astrolabe.ui.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.junit.jupiter.api.Test;

class FailureDescriptionsTest {

    private static final QueryRequest REQUEST = QueryRequest.fromForm("http://127.0.0.1:18080/tap", "SELEC 1", 10);
    private static final URI SYNC = URI.create("http://127.0.0.1:18080/tap/sync");

    @Test
    void aRejectedQueryShowsTheServersOwnMessage() {
        // QUERY_STATUS=ERROR text the local DaCHS 2.7 test server gave for "SELEC bad FROM x".
        String server = "Field query: Could not parse your query: Expected \"SELECT\", found 'S'  (at char 0), "
                + "(line:1, col:1)";
        QueryOutcome.Failed failed = FailureDescriptions.describe(REQUEST, new QueryFailedException(server, SYNC));
        assertEquals("The service at 127.0.0.1:18080 rejected the query", failed.headline());
        assertEquals(server, failed.detail());
    }

    @Test
    void loginAndAccessAreToldApart() {
        assertTrue(FailureDescriptions.describe(REQUEST, new AuthenticationException("401 at " + SYNC, SYNC, false))
                .headline().endsWith("requires a login"));
        assertTrue(FailureDescriptions.describe(REQUEST, new AuthenticationException("403 at " + SYNC, SYNC, true))
                .headline().endsWith("refused access"));
    }

    @Test
    void anUnreachableHostSaysWhenToRetry() {
        QueryOutcome.Failed failed = FailureDescriptions.describe(REQUEST,
                new TransientException("HTTP 503 from " + SYNC, SYNC, Duration.ofSeconds(30), null));
        assertEquals("The service at 127.0.0.1:18080 could not be reached", failed.headline());
        assertEquals("HTTP 503 from " + SYNC + "\nThe service asks to try again in 30 s.", failed.detail());
    }

    @Test
    void aMissingEndpointNamesTheUrl() {
        QueryOutcome.Failed failed = FailureDescriptions.describe(REQUEST, new NotFoundException("HTTP 404", SYNC));
        assertEquals("No TAP service answers at http://127.0.0.1:18080/tap", failed.headline());
    }
}
