package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.astrolabe.archive.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identifiers read back from tables saved by {@code region --out}. */
class ArchiveSupportTest {

    @TempDir
    Path dir;

    @Test
    void csvWithEitherIdColumn() throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "obsID,publisherID\no1,ivo://a/b?1\no2,ivo://a/b?2\no3,ivo://a/b?1\no4,\n");
        assertEquals(List.of("ivo://a/b?1", "ivo://a/b?2"), ArchiveSupport.ids(csv, Profile.CAOM2));
        assertEquals(List.of("ivo://a/b?1", "ivo://a/b?2"), ArchiveSupport.ids(csv, Profile.OBSCORE),
                "the other profile's column when the profile's is missing");
    }

    @Test
    void votable() throws Exception {
        Path vot = dir.resolve("r.vot");
        Files.writeString(vot, """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><TABLE>
                <FIELD name="obs_publisher_did" datatype="char" arraysize="*"/>
                <DATA><TABLEDATA><TR><TD>ivo://x/y?z</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """);
        assertEquals(List.of("ivo://x/y?z"), ArchiveSupport.ids(vot, Profile.OBSCORE));
    }

    @Test
    void badFilesNamed() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> ArchiveSupport.ids(dir.resolve("no.csv"),
                Profile.CAOM2));
        assertTrue(e.getMessage().contains("no.csv"), e.getMessage());
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> ArchiveSupport.ids(csv, Profile.CAOM2));
        assertTrue(e.getMessage().contains("publisherID") && e.getMessage().contains("other.csv"), e.getMessage());
        Path txt = dir.resolve("r.txt");
        Files.writeString(txt, "hello\n");
        e = assertThrows(IllegalArgumentException.class, () -> ArchiveSupport.ids(txt, Profile.CAOM2));
        assertTrue(e.getMessage().contains("r.txt"), e.getMessage());
    }
}
