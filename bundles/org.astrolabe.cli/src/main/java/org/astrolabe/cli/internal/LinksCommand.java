package org.astrolabe.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinkFilter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code astrolabe links}: the DataLink rows of dataset identifiers as an aligned table. Rows the
 * service could not resolve are printed too (with their error message) and make the command
 * fail: exit 4 when every failure is a {@code NotFoundFault} (unknown identifier), else 1.
 */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = "List the DataLink rows (files, previews, services) of dataset identifiers.",
        footer = {"", "Identifiers the service cannot resolve are listed with their error; the exit code is then",
                "4 if all of them are unknown (NotFoundFault), else 1."})
final class LinksCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Mixin
    DataLinkOptions service = new DataLinkOptions();

    @Option(names = "--semantics", paramLabel = "S",
            description = "keep only these semantics and narrower ones (e.g. #this, #preview, #auxiliary); repeatable")
    List<String> semantics = new ArrayList<>();

    @Parameters(paramLabel = "ID", arity = "1..*", description = "dataset identifiers (e.g. obs_publisher_did)")
    List<String> ids;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        var endpoint = service.endpoint();
        context.info("DataLink " + endpoint + ": " + ids.size() + " identifiers");
        LinksDocument doc = context.dataLinks().resolve(endpoint, ids,
                ResolveOptions.defaults().withBatchSize(Math.max(1, service.batch)), new NullProgressMonitor());
        LinkFilter filter = semantics.isEmpty() ? null : LinkFilter.of(semantics);
        AlignedText table = new AlignedText("").row("ID", "SEMANTICS", "CONTENT_TYPE", "SIZE", "URL");
        for (DataLink l : doc.links()) {
            if (l.isError()) {
                table.row(l.id(), l.semantics(), "", "", "ERROR " + l.errorMessage());
            } else if (filter == null || filter.test(l)) {
                table.row(l.id(), l.semantics(), l.contentType(),
                        l.contentLength() < 0 ? "" : Long.toString(l.contentLength()), target(doc, l));
            }
        }
        table.print(context.out());
        context.out().flush();
        List<DataLink> errors = doc.errors();
        for (DataLink e : errors) {
            context.err().println("astrolabe: " + e.id() + ": " + e.errorMessage());
        }
        if (errors.isEmpty()) {
            return ExitCode.OK;
        }
        return errors.stream().allMatch(e -> e.errorMessage().startsWith("NotFoundFault")) ? ExitCode.NOT_FOUND
                : ExitCode.FAILURE;
    }

    private static String target(LinksDocument doc, DataLink l) {
        if (l.accessUrl() != null) {
            return l.accessUrl().toString();
        }
        return doc.descriptor(l).map(d -> describe(d)).orElse("service " + l.serviceDef());
    }

    private static String describe(ServiceDescriptor d) {
        String kind = d.isSodaSync() ? "SODA sync" : d.isSodaAsync() ? "SODA async" : d.standardId();
        return (kind.isEmpty() ? "service" : kind) + " " + (d.accessUrl() == null ? "" : d.accessUrl());
    }
}
