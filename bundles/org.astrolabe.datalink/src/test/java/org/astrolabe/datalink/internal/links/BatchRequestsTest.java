package org.astrolabe.datalink.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ServiceDescriptor;
import org.junit.jupiter.api.Test;

class BatchRequestsTest {

    private static final URI SERVICE = URI.create("http://x.org/dl/dlmeta");

    @Test
    void batchesOfDistinctIdsInOrder() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 205).mapToObj(i -> "ivo://x/" + (i % 103)).toList());
        List<List<String>> batches = BatchRequests.batches(ids, 50);
        assertEquals(List.of(50, 50, 3), batches.stream().map(List::size).toList());
        assertEquals("ivo://x/0", batches.get(0).get(0));
        assertEquals("ivo://x/102", batches.get(2).get(2));
        assertThrows(IllegalArgumentException.class, () -> BatchRequests.batches(List.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> BatchRequests.batches(List.of("a", " "), 5));
    }

    @Test
    void getWhileShortPostWhenLong() {
        HttpRequest get = BatchRequests.request(SERVICE, List.of("ivo://x/a?b", "ivo://x/c"), 2000);
        assertEquals("GET", get.method());
        assertEquals(List.of(new HttpRequest.Parameter("ID", "ivo://x/a?b"), new HttpRequest.Parameter("ID", "ivo://x/c")),
                get.form());
        List<String> many = IntStream.range(0, 50).mapToObj(i -> "ivo://astrolabe.test/~?astrolabe/data/f" + i).toList();
        HttpRequest post = BatchRequests.request(SERVICE, many, 2000);
        assertEquals("POST", post.method());
        assertEquals(50, post.form().size());
    }

    @Test
    void mergeRenamesClashingDescriptorsAndReportsMissingIds() {
        ServiceDescriptor a = new ServiceDescriptor("procsvc", ServiceDescriptor.SODA_SYNC, URI.create("http://x.org/get"),
                "", List.of(new DescriptorParameter("ID", "char", "*", "", "", "", "a", "", "", "", List.of(), "")));
        ServiceDescriptor b = new ServiceDescriptor("procsvc", ServiceDescriptor.SODA_SYNC, URI.create("http://x.org/get"),
                "", List.of(new DescriptorParameter("ID", "char", "*", "", "", "", "b", "", "", "", List.of(), "")));
        DataLink la = new DataLink("a", null, "procsvc", "", "#cutout", "", "", -1, "", "", "", null);
        DataLink lb = new DataLink("b", null, "procsvc", "", "#cutout", "", "", -1, "", "", "", null);
        LinksDocument merged = HttpDataLinkResolver.merge(List.of(
                new LinksDocument(List.of(la), java.util.Map.of("procsvc", a)),
                new LinksDocument(List.of(lb), java.util.Map.of("procsvc", b))), List.of("a", "b", "c"));
        assertEquals(3, merged.links().size());
        assertEquals("a", merged.descriptor(merged.links().get(0)).orElseThrow().inputs().get(0).value());
        assertEquals("b", merged.descriptor(merged.links().get(1)).orElseThrow().inputs().get(0).value());
        assertEquals(List.of("c"), merged.errors().stream().map(DataLink::id).toList());
    }

    @Test
    void redirectTargetsLoseTheirIdsButKeepOtherParameters() {
        assertEquals(URI.create("http://x.org/q/dl/dlmeta"),
                BatchRequests.withoutIds(URI.create("http://x.org/q/dl/dlmeta?ID=ivo%3A//x/a")));
        assertEquals(URI.create("http://x.org/dl?RESPONSEFORMAT=votable"),
                BatchRequests.withoutIds(URI.create("http://x.org/dl?ID=a&RESPONSEFORMAT=votable&id=b")));
    }
}
