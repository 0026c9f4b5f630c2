package org.astrolabe.tap.internal.uws;

import java.net.URI;
import java.util.List;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Deletes a UWS job: {@code DELETE {job}}, or {@code POST ACTION=DELETE} where DELETE is refused,
 * never following the redirect to the job list the service answers with. Stateless.
 */
final class JobDeletion {

    private JobDeletion() {
    }

    /** @return {@code true} if the service deleted the job, {@code false} if it did not know it */
    static boolean delete(HttpTransport transport, URI job, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Deleting job " + job, 2);
        HttpRequest delete = new HttpRequest("DELETE", job, List.of(), List.of(), false);
        try (HttpResult result = transport.send(delete, sub.split(1))) {
            return deletedBy(result, job);
        } catch (Refused refused) {
            // Some UWS 1.0 services accept only the POST form.
            HttpRequest post = HttpRequest.post(job, List.of(new Parameter("ACTION", "DELETE")))
                    .withFollowRedirects(false);
            try (HttpResult result = transport.send(post, sub.split(1))) {
                return deletedBy(result, job);
            } catch (Refused refusedAgain) {
                throw new InvalidInputException("The service refuses to delete job " + job + " (HTTP "
                        + refusedAgain.status + ")", job, null);
            }
        }
    }

    /** Signals that the service does not accept this way of deleting. */
    private static final class Refused extends AstrolabeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(URI job, int status) {
            super("Deletion refused for " + job, job, null);
            this.status = status;
        }
    }

    private static boolean deletedBy(HttpResult result, URI job) throws AstrolabeException {
        int status = result.status();
        if (status >= 200 && status < 400) {
            return true;
        }
        if (status == 404 || status == 410) {
            return false;
        }
        if (status == 400 || status == 405 || status == 501) {
            throw new Refused(job, status);
        }
        HttpFailures.requireSuccess(result);
        return false;
    }
}
