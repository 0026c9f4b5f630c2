package org.astrolabe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Messages are shown to users as one line, whatever a parser quotes from a document (found by fuzzing). */
class AstrolabeExceptionTest {

    @Test
    void messagesAreOneLineAndBounded() {
        var e = new InvalidInputException("The VOTable from x is malformed: XML version \"1.0\n<?xml-stylesheet?>\r\n\t"
                + "<VOTABLE version=\" is not supported", URI.create("http://x/"), null);
        assertEquals("The VOTable from x is malformed: XML version \"1.0 <?xml-stylesheet?> <VOTABLE version=\" is "
                + "not supported", e.getMessage());
        var long_ = new InvalidInputException("x".repeat(10_000), null, null);
        assertEquals(AstrolabeException.MAX_MESSAGE, long_.getMessage().length());
        assertTrue(long_.getMessage().endsWith("\u2026"));
    }
}
