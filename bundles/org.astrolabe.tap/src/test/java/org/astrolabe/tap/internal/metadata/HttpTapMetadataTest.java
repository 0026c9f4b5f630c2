package org.astrolabe.tap.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * The lazy-detail and fallback logic of {@link HttpTapMetadata}, against a transport that serves
 * VOSI documents shaped like DaCHS's and a client that answers TAP_SCHEMA queries with VOTables
 * shaped like DaCHS's. The real HTTP path is covered by the integration tests against DaCHS.
 */
class HttpTapMetadataTest {

    private static final String BASE = "http://tap.example/tap";
    private static final String LISTING = """
            <vtm:tableset xmlns:vtm="http://www.ivoa.net/xml/VOSITables/v1.0"><schema><name>s</name>
            <table><name>s.one</name><description>first</description></table>
            <table><name>s.two</name></table></schema></vtm:tableset>""";
    private static final String TABLE_ONE = """
            <vtm:table xmlns:vtm="http://www.ivoa.net/xml/VOSITables/v1.0"
              xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <name>s.one</name><column><name>ra</name><unit>deg</unit>
            <dataType xsi:type="vs:VOTableType">double</dataType></column></vtm:table>""";

    private final Map<String, String[]> documents = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final Map<String, String> votables = new HashMap<>();

    private final HttpTransport transport = new HttpTransport() {
        @Override
        public HttpResult send(HttpRequest request, IProgressMonitor monitor) {
            String query = request.form().stream().map(p -> p.name() + "=" + p.value()).collect(Collectors.joining("&"));
            String key = request.uri() + (query.isEmpty() ? "" : "?" + query);
            requests.add(key);
            String[] doc = documents.getOrDefault(key, new String[] {"404", "<html>not here</html>"});
            return new HttpResult() {
                @Override
                public int status() {
                    return Integer.parseInt(doc[0]);
                }

                @Override
                public URI uri() {
                    return request.uri();
                }

                @Override
                public Optional<String> header(String name) {
                    return Optional.empty();
                }

                @Override
                public String mediaType() {
                    return doc[1].startsWith("<html") ? "text/html" : "text/xml";
                }

                @Override
                public long contentLength() {
                    return -1;
                }

                @Override
                public InputStream body() {
                    return new ByteArrayInputStream(doc[1].getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TransportSettings settings() {
            return TransportSettings.defaults();
        }

        @Override
        public HttpTransport withSettings(TransportSettings settings) {
            return this;
        }
    };

    private final TapClient client = new TapClient() {
        @Override
        public URI baseUri() {
            return URI.create(BASE);
        }

        @Override
        public ResultTable query(TapQuery query, IProgressMonitor monitor) throws AstrolabeException {
            queries.add(query.adql());
            String doc = votables.entrySet().stream().filter(e -> query.adql().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(error("Table not found"));
            return new VOTableReader().read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                    URI.create(BASE + "/sync"), monitor);
        }

        @Override
        public Availability availability(IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }
    };

    private static String error(String message) {
        return "<VOTABLE version=\"1.4\"><RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                + message + "</INFO></RESOURCE></VOTABLE>";
    }

    private static String votable(String fields, String... rows) {
        StringBuilder b = new StringBuilder("<VOTABLE version=\"1.4\"><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE>");
        for (String f : fields.split(",")) {
            String[] nt = f.split(":");
            b.append("<FIELD name=\"").append(nt[0]).append("\" datatype=\"").append(nt[1]).append('"')
                    .append(nt[1].equals("char") ? " arraysize=\"*\"" : "").append("/>");
        }
        b.append("<DATA><TABLEDATA>");
        for (String row : rows) {
            b.append("<TR>");
            for (String cell : row.split("\\|", -1)) {
                b.append("<TD>").append(cell).append("</TD>");
            }
            b.append("</TR>");
        }
        return b.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>").toString();
    }

    private HttpTapMetadata metadata() {
        return new HttpTapMetadata(client, transport);
    }

    private void serve(String path, String doc) {
        documents.put(BASE + path, new String[] {"200", doc});
    }

    private void tapSchema() {
        votables.put("SELECT * FROM TAP_SCHEMA.schemas", votable("schema_name:char,description:char", "s|the schema"));
        votables.put("SELECT * FROM TAP_SCHEMA.tables WHERE table_name = 's.two'",
                votable("schema_name:char,table_name:char,table_type:char,description:char", "s|s.two|table|second"));
        votables.put("SELECT * FROM TAP_SCHEMA.tables WHERE", votable("schema_name:char,table_name:char"));
        votables.put("SELECT * FROM TAP_SCHEMA.tables",
                votable("schema_name:char,table_name:char,table_type:char,description:char,table_index:int",
                        "s|s.two|table|second|2", "s|s.one|view|first|1"));
        votables.put("SELECT * FROM TAP_SCHEMA.columns WHERE table_name = 's.two'",
                votable("table_name:char,column_name:char,unit:char,ucd:char,datatype:char,arraysize:char,"
                        + "principal:int,indexed:int,std:int,column_index:int",
                        "s.two|name|||char|*|1|0|0|2", "s.two|dec|deg|pos.eq.dec|double||1|1|0|1"));
    }

    @Test
    void columnsAreFetchedForOneTableOnlyAndCached() throws Exception {
        serve("/tables?detail=min", LISTING);
        serve("/tables/s.one", TABLE_ONE);
        HttpTapMetadata m = metadata();
        TableSet listing = m.tables(null);
        assertEquals(List.of("s.one", "s.two"), listing.tables().stream().map(TableMetadata::name).toList());
        assertFalse(listing.tables().get(0).hasColumns());

        TableMetadata one = m.table("s.one", null);
        assertEquals("deg", one.column("ra").orElseThrow().unit());
        assertEquals(List.of(BASE + "/tables?detail=min", BASE + "/tables/s.one"), requests);
        assertEquals(one, m.table("s.one", null));
        assertEquals(one, m.table("S.ONE", null));
        assertEquals(2, requests.size(), requests.toString());
        m.forget();
        m.table("s.one", null);
        assertEquals(3, requests.size(), requests.toString());
    }

    @Test
    void withoutPerTableDetailTapSchemaGivesTheColumns() throws Exception {
        serve("/tables?detail=min", LISTING);
        tapSchema();
        TableMetadata two = metadata().table("s.two", null);
        assertEquals(List.of("dec", "name"), two.columns().stream().map(c -> c.name()).toList());
        assertEquals("deg", two.columns().get(0).unit());
        assertEquals("double", two.columns().get(0).typeText());
        assertEquals("char(*)", two.columns().get(1).typeText());
        assertTrue(two.columns().get(0).indexed());
        assertEquals("second", two.description());
    }

    @Test
    void missingTablesEndpointFallsBackToTapSchema() throws Exception {
        tapSchema();
        TableSet set = metadata().tables(null);
        assertEquals(List.of("s.one", "s.two"), set.tables().stream().map(TableMetadata::name).toList());
        assertEquals("view", set.tables().get(0).type());
        assertEquals("the schema", set.schemas().get(0).description());
        assertTrue(queries.contains("SELECT * FROM TAP_SCHEMA.tables"));
    }

    @Test
    void htmlInsteadOfTablesFallsBackToo() throws Exception {
        documents.put(BASE + "/tables?detail=min", new String[] {"200", "<html><body>Welcome</body></html>"});
        tapSchema();
        assertEquals(2, metadata().tables(null).tables().size());
    }

    @Test
    void unknownTableIsNotFound() throws Exception {
        serve("/tables?detail=min", LISTING);
        NotFoundException e = assertThrows(NotFoundException.class, () -> metadata().table("s.nope", null));
        assertTrue(e.getMessage().contains("no table 's.nope'"), e.getMessage());
        assertTrue(e.getMessage().contains(BASE), e.getMessage());
    }

    @Test
    void unknownTableInTapSchemaIsNotFound() throws Exception {
        tapSchema();
        NotFoundException e = assertThrows(NotFoundException.class, () -> metadata().tapSchemaTable("s.nope", null));
        assertTrue(e.getMessage().contains("s.nope"), e.getMessage());
    }

    @Test
    void whenNothingWorksTheVosiFailureIsReportedWithTheOther() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> metadata().tables(null));
        assertTrue(e.getMessage().contains(BASE + "/tables"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0] instanceof QueryFailedException);
    }

    @Test
    void capabilitiesAreReadOnce() throws Exception {
        serve("/capabilities", """
                <capabilities><capability standardID="ivo://ivoa.net/std/TAP"><interface>
                <accessURL use="base">http://tap.example/tap</accessURL></interface>
                <language><name>ADQL</name></language></capability></capabilities>""");
        HttpTapMetadata m = metadata();
        assertEquals("ADQL", m.capabilities(null).tap().orElseThrow().languages().get(0).name());
        m.capabilities(null);
        assertEquals(1, requests.size());
    }

    @Test
    void adqlLiteralsAreQuoted() {
        assertEquals("'it''s'", TapSchemaMetadata.literal("it's"));
        assertThrows(IllegalArgumentException.class, () -> metadata().table(" ", null));
    }
}
