package org.astrolabe.tap.internal.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.tap.uws.ErrorSummary;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.JobSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UWS documents as real services write them: pyvo's and astroquery's recorded documents from
 * {@code ../shared/corpus} (skipped when that folder is absent), and documents recorded from the
 * local GAVO DaCHS 2.7 server on 2026-11-21 (inline below).
 */
class UwsDocumentReaderTest {

    private static final URI JOB = URI.create("http://example.com/tap/async/1337");
    private final UwsDocumentReader reader = new UwsDocumentReader();

    /** GAVO DaCHS 2.7, {@code GET /tap/async/{id}} right after creation (before PHASE=RUN). */
    static final String DACHS_PENDING = "<?xml-stylesheet href='/static/xsl/tap-job-to-html.xsl' type='text/xsl'?>"
            + "<uws:job version=\"1.1\" xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.ivoa.net/xml/UWS/v1.0 http://vo.ari.uni-heidelberg.de/docs/schemata/UWS-1.1.xsd\">"
            + "<uws:jobId>i3rqulie</uws:jobId><uws:ownerId xsi:nil=\"true\"></uws:ownerId><uws:phase>PENDING</uws:phase>"
            + "<uws:quote>2026-11-21T15:49:41Z</uws:quote><uws:creationTime>2026-11-21T15:49:40Z</uws:creationTime>"
            + "<uws:startTime xsi:nil=\"true\"></uws:startTime><uws:endTime xsi:nil=\"true\"></uws:endTime>"
            + "<uws:executionDuration>3600</uws:executionDuration><uws:destruction>2026-11-23T15:49:40Z</uws:destruction>"
            + "<uws:parameters><uws:parameter id=\"request\">doQuery</uws:parameter><uws:parameter id=\"lang\">ADQL</uws:parameter>"
            + "<uws:parameter id=\"query\">SELECT COUNT(*) FROM astrolabe.sources</uws:parameter><uws:parameter id=\"version\"/>"
            + "<uws:parameter id=\"format\"/><uws:parameter id=\"upload\"/><uws:parameter id=\"responseformat\"/>"
            + "<uws:parameter id=\"maxrec\"/><uws:parameter id=\"verb\"/></uws:parameters><uws:results/></uws:job>";

    /** GAVO DaCHS 2.7, a job whose ADQL did not parse. */
    static final String DACHS_ERROR = "<?xml-stylesheet href='/static/xsl/tap-job-to-html.xsl' type='text/xsl'?>"
            + "<uws:job version=\"1.1\" xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<uws:jobId>k7wbnyos</uws:jobId><uws:ownerId xsi:nil=\"true\"></uws:ownerId><uws:phase>ERROR</uws:phase>"
            + "<uws:quote>2026-11-21T15:49:48Z</uws:quote><uws:creationTime>2026-11-21T15:49:45Z</uws:creationTime>"
            + "<uws:startTime>2026-11-21T15:49:46Z</uws:startTime><uws:endTime>2026-11-21T15:49:46Z</uws:endTime>"
            + "<uws:executionDuration>3600</uws:executionDuration><uws:destruction>2026-11-23T15:49:45Z</uws:destruction>"
            + "<uws:parameters><uws:parameter id=\"query\">SELEKT nothing FROM</uws:parameter></uws:parameters><uws:results/>"
            + "<uws:errorSummary hasDetail=\"false\" type=\"fatal\"><uws:message>Field query: Could not parse your query: "
            + "Expected \"SELECT\", found 'S'  (at char 0), (line:1, col:1)</uws:message></uws:errorSummary></uws:job>";

    /** GAVO DaCHS 2.7, {@code GET /tap/async}. */
    static final String DACHS_LIST = "<?xml-stylesheet href='/static/xsl/tap-joblist-to-html.xsl' type='text/xsl'?>"
            + "<uws:jobs version=\"1.1\" xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<uws:jobref id=\"4ytl0j0g\" xlink:href=\"http://127.0.0.1:18080/__system__/tap/run/async/4ytl0j0g\"><uws:phase>ERROR</uws:phase></uws:jobref>"
            + "<uws:jobref id=\"i3rqulie\" xlink:href=\"http://127.0.0.1:18080/__system__/tap/run/async/i3rqulie\"><uws:phase>COMPLETED</uws:phase></uws:jobref></uws:jobs>";

    static Optional<Path> corpus(String relative) {
        String dir = System.getProperty("astrolabe.corpus");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(dir, relative);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private JobInfo corpusJob(String name) throws Exception {
        Optional<Path> file = corpus("pyvo/io/uws/" + name);
        assumeTrue(file.isPresent(), "corpus document pyvo/io/uws/" + name + " not present");
        try (InputStream in = Files.newInputStream(file.get())) {
            return reader.readJob(in, JOB);
        }
    }

    private JobInfo job(String xml) throws org.astrolabe.core.AstrolabeException {
        return reader.readJob(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), JOB);
    }

    @Test
    void pyvoJobHasEveryField() throws Exception {
        JobInfo j = corpusJob("job.xml");
        assertEquals("1337", j.id());
        assertEquals(JOB, j.uri());
        assertEquals("1.1", j.version());
        assertTrue(j.supportsBlockingWait());
        assertEquals(ExecutionPhase.COMPLETED, j.phase());
        assertEquals(Optional.empty(), j.owner());
        assertEquals(Optional.of(Instant.parse("2018-01-01T02:00:00Z")), j.quote());
        assertEquals(Optional.of(Instant.parse("2018-01-01T00:00:00Z")), j.creationTime());
        assertEquals(Optional.of(Instant.parse("2018-01-01T00:05:00Z")), j.startTime());
        assertEquals(Optional.of(Instant.parse("2018-01-01T02:00:00Z")), j.endTime());
        assertEquals(Optional.of(Duration.ofHours(2)), j.executionDuration());
        assertEquals(Optional.of(Instant.parse("2018-02-01T00:00:00Z")), j.destruction());
        assertEquals(List.of("lang", "maxrec", "query", "request", "responseformat", "upload"),
                List.copyOf(j.parameters().keySet()));
        assertEquals(Optional.of("SELECT 'test'"), j.parameter("QUERY"));
        assertEquals(Optional.empty(), j.parameter("maxrec"));
        assertEquals(1, j.results().size());
        assertEquals(URI.create("http://example.com/tap/async/1337/results/result"), j.resultUri());
        assertTrue(j.errorSummary().isEmpty());
    }

    @Test
    void pyvoErrorJobCarriesTheMessage() throws Exception {
        JobInfo j = corpusJob("job-error.xml");
        assertEquals(ExecutionPhase.ERROR, j.phase());
        assertEquals(new ErrorSummary(ErrorSummary.Type.FATAL, false, "We have problem"), j.errorSummary().get());
        assertTrue(j.results().isEmpty());
        assertEquals(URI.create(JOB + "/results/result"), j.resultUri());
    }

    @Test
    void implicitUws10DocumentInDefaultNamespace() throws Exception {
        JobInfo j = corpusJob("job-implicit-v1.0.xml");
        assertEquals("1576511540079_32840", j.id());
        assertEquals("1.0", j.version());
        assertFalse(j.supportsBlockingWait());
        assertEquals(ExecutionPhase.COMPLETED, j.phase());
        assertTrue(j.creationTime().isEmpty());
        // Times without a zone are UTC.
        assertEquals(Optional.of(Instant.parse("2019-12-16T10:52:20Z")), j.startTime());
        assertEquals(Optional.of(Duration.ofSeconds(600)), j.executionDuration());
        assertEquals(Optional.of("SELECT ra, dec FROM table"), j.parameter("query"));
        assertEquals(Optional.of("tap"), j.parameter("serviceType"));
        assertEquals("resultsTable", j.results().get(0).id());
        assertEquals(URI.create("http://example.com/tap/async/1234/results/result"), j.resultUri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"job-with-duplicate-elements.xml", "job-with-empty-jobinfo.xml",
        "job-with-namespace-elements.xml", "job-with-nested-jobinfo.xml", "job-with-simple-jobinfo.xml",
        "job-with-typed-jobinfo.xml"})
    void jobInfoVariantsDoNotDisturbTheJob(String name) throws Exception {
        JobInfo j = corpusJob(name);
        assertEquals(ExecutionPhase.COMPLETED, j.phase());
        assertTrue(List.of("myjobid", "jobid123", "test123", "myid123").contains(j.id()), j.id());
        assertEquals(Map.of("query", "SELECT * FROM table"), j.parameters());
        assertEquals(URI.create("http://example.com/result"), j.resultUri());
        assertEquals(Optional.of(Instant.parse("2025-06-04T02:00:00Z")), j.endTime());
        assertTrue(j.errorSummary().isEmpty());
    }

    @Test
    void astroqueryJobList() throws Exception {
        Optional<Path> file = corpus("astroquery/utils/tap/jobs_list.xml");
        assumeTrue(file.isPresent(), "corpus jobs_list.xml not present");
        List<JobSummary> jobs;
        try (InputStream in = Files.newInputStream(file.get())) {
            jobs = reader.readJobList(in, URI.create("http://test:1111/tap/async"));
        }
        assertEquals(2, jobs.size());
        assertEquals("12345", jobs.get(0).id());
        assertEquals(URI.create("http://test:1111/tap/async/12345"), jobs.get(0).uri());
        assertEquals(ExecutionPhase.COMPLETED, jobs.get(0).phase());
        assertEquals(ExecutionPhase.ERROR, jobs.get(1).phase());
    }

    @Test
    void dachsPendingJobWithNilTimes() throws Exception {
        JobInfo j = job(DACHS_PENDING);
        assertEquals("i3rqulie", j.id());
        assertEquals(ExecutionPhase.PENDING, j.phase());
        assertTrue(j.startTime().isEmpty());
        assertTrue(j.endTime().isEmpty());
        assertTrue(j.owner().isEmpty());
        assertEquals(Optional.of("SELECT COUNT(*) FROM astrolabe.sources"), j.parameter("QUERY"));
        assertTrue(j.results().isEmpty());
        assertTrue(j.supportsBlockingWait());
    }

    @Test
    void dachsErrorJob() throws Exception {
        JobInfo j = job(DACHS_ERROR);
        assertEquals(ExecutionPhase.ERROR, j.phase());
        assertTrue(j.errorSummary().get().message().startsWith("Field query: Could not parse your query"));
        assertEquals(ErrorSummary.Type.FATAL, j.errorSummary().get().type());
    }

    @Test
    void dachsJobList() throws Exception {
        List<JobSummary> jobs = reader.readJobList(new ByteArrayInputStream(DACHS_LIST.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://127.0.0.1:18080/tap/async"));
        assertEquals(2, jobs.size());
        assertEquals(URI.create("http://127.0.0.1:18080/__system__/tap/run/async/i3rqulie"), jobs.get(1).uri());
        assertTrue(jobs.get(1).creationTime().isEmpty());
    }

    @Test
    void uws11JobListEntriesWithCreationTimeAndNoHref() throws Exception {
        String xml = "<uws:jobs xmlns:uws='http://www.ivoa.net/xml/UWS/v1.0' version='1.1'>"
                + "<uws:jobref id='a1'><uws:phase>EXECUTING</uws:phase><uws:runId>mine</uws:runId>"
                + "<uws:ownerId>alice</uws:ownerId><uws:creationTime>2026-01-02T03:04:05.678Z</uws:creationTime></uws:jobref>"
                + "</uws:jobs>";
        JobSummary j = reader.readJobList(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                URI.create("https://x.example/tap/async?PHASE=EXECUTING")).get(0);
        assertEquals(URI.create("https://x.example/tap/async/a1"), j.uri());
        assertEquals(Optional.of("mine"), j.runId());
        assertEquals(Optional.of("alice"), j.owner());
        assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05.678Z")), j.creationTime());
    }

    /** Found by fuzzing: an id that cannot be part of a URL escaped as IllegalArgumentException. */
    @Test
    void jobIdThatCannotBeAUrlIsInvalidInput() {
        String xml = "<uws:jobs xmlns:uws='http://www.ivoa.net/xml/UWS/v1.0' version='1.1'>"
                + "<uws:jobref id='2z}d_62r'><uws:phase>EXECUTING</uws:phase></uws:jobref></uws:jobs>";
        var e = assertThrows(org.astrolabe.core.InvalidInputException.class, () -> reader.readJobList(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), URI.create("http://x.example/tap/async")));
        assertTrue(e.getMessage().contains("2z}d_62r"), e.getMessage());
    }

    @Test
    void unknownPhaseIsRefusedNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> job(DACHS_PENDING.replace("PENDING", "SLEEPING")));
        assertTrue(e.getMessage().contains("SLEEPING"), e.getMessage());
        assertTrue(e.getMessage().contains(JOB.toString()), e.getMessage());
    }

    @Test
    void badTimeIsRefusedNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> job(DACHS_PENDING.replace("2026-11-21T15:49:40Z", "yesterday")));
        assertTrue(e.getMessage().contains("creationTime") && e.getMessage().contains("yesterday"), e.getMessage());
    }

    @Test
    void doctypeIsRefused() {
        String evil = "<?xml version='1.0'?><!DOCTYPE job [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<job xmlns='http://www.ivoa.net/xml/UWS/v1.0'><jobId>&x;</jobId><phase>PENDING</phase></job>";
        assertThrows(InvalidInputException.class, () -> job(evil));
    }

    @Test
    void errorVOTableIsNotAJob() {
        String votable = "<VOTABLE xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE type='results'>"
                + "<INFO name='QUERY_STATUS' value='ERROR'>UWS job 'x' could not be located</INFO></RESOURCE></VOTABLE>";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> job(votable));
        assertTrue(e.getMessage().contains("not a UWS job document"), e.getMessage());
    }

    @Test
    void truncatedDocumentIsRefused() {
        assertThrows(InvalidInputException.class, () -> job(DACHS_PENDING.substring(0, 400)));
    }

    @Test
    void missingPhaseIsRefused() {
        assertThrows(InvalidInputException.class,
                () -> job("<job xmlns='http://www.ivoa.net/xml/UWS/v1.0'><jobId>x</jobId></job>"));
    }

    static InputStream stream(String s) throws IOException {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
