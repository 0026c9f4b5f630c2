package org.astrolabe.tap.internal.uws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.votable.VOTableReader;

/** How UWS answers become Astrolabe's typed failures, with the job named. Stateless. */
final class UwsAnswers {

    private UwsAnswers() {
    }

    /**
     * A TAP service may refuse with an error VOTable; its message beats the HTTP status.
     *
     * @throws QueryFailedException with the service's message when the body is such a document
     */
    static void failIfErrorDocument(HttpResult result) throws AstrolabeException {
        String type = result.mediaType();
        if (result.status() >= 400 && (type.contains("xml") || type.contains("votable"))) {
            try (InputStream body = result.body()) {
                new VOTableReader().read(body, result.uri(), null);
            } catch (QueryFailedException e) {
                throw e;
            } catch (AstrolabeException | IOException notAnErrorDocument) {
                // the status decides
            }
        }
    }

    static NotFoundException unknownJob(URI job, int status) {
        return new NotFoundException("No job '" + JobUris.idOf(job) + "' at " + job + " (HTTP " + status
                + "): the service does not know it (deleted, expired, or never created)", job);
    }

    static TransientException cutOff(URI uri, IOException e) {
        return new TransientException("The answer from " + uri + " was cut off: " + e.getMessage(), uri, null, e);
    }
}
