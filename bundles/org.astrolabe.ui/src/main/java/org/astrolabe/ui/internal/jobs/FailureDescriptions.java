package org.astrolabe.ui.internal.jobs;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.TransientException;

/** Turns Astrolabe's failures into a headline and a detail a person can act on. */
public final class FailureDescriptions {

    private FailureDescriptions() {
    }

    /**
     * @param request what was run
     * @param failure why it failed
     * @return the outcome to show; for a refused query the detail is the service's message unchanged
     */
    public static QueryOutcome.Failed describe(QueryRequest request, AstrolabeException failure) {
        String host = request.serviceLabel();
        return switch (failure) {
            case QueryFailedException e -> new QueryOutcome.Failed(request,
                    "The service at " + host + " rejected the query", e.serverMessage());
            case AuthenticationException e when e.isDenied() -> new QueryOutcome.Failed(request,
                    "The service at " + host + " refused access", e.getMessage());
            case AuthenticationException e -> new QueryOutcome.Failed(request,
                    "The service at " + host + " requires a login", e.getMessage());
            case NotFoundException e -> new QueryOutcome.Failed(request,
                    "No TAP service answers at " + request.service(), e.getMessage());
            case TransientException e -> new QueryOutcome.Failed(request,
                    "The service at " + host + " could not be reached", e.getMessage()
                            + e.retryAfter().map(d -> "\nThe service asks to try again in " + d.toSeconds() + " s.")
                                    .orElse(""));
            case InvalidInputException e -> new QueryOutcome.Failed(request,
                    "The answer from " + host + " could not be read", e.getMessage());
            case ServiceFailureException e -> new QueryOutcome.Failed(request,
                    "The service at " + host + " failed", e.getMessage());
            default -> new QueryOutcome.Failed(request, "The query at " + host + " failed", failure.getMessage());
        };
    }

    /**
     * @param request what was run
     * @param refused the TAP client factory's refusal of the URL
     * @return the outcome to show
     */
    public static QueryOutcome.Failed badUrl(QueryRequest request, IllegalArgumentException refused) {
        return new QueryOutcome.Failed(request, "Not a usable TAP service URL", refused.getMessage());
    }

    /**
     * @param request what was run
     * @return the outcome when the TAP client service is not running
     */
    public static QueryOutcome.Failed noTapService(QueryRequest request) {
        return new QueryOutcome.Failed(request, "Astrolabe's TAP client is not available",
                "The OSGi service org.astrolabe.tap.TapClientFactory did not start. Check that the bundles "
                        + "org.astrolabe.tap, org.astrolabe.core and org.apache.felix.scr are installed and active.");
    }
}
