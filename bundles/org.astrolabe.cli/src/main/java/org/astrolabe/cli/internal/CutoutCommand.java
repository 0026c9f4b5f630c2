package org.astrolabe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.datalink.soda.Interval;
import org.astrolabe.datalink.soda.Polygon;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code astrolabe cutout}: SODA cutouts of datasets. The identifiers are resolved with DataLink,
 * each dataset's SODA descriptor is used, and one line per written FITS file is printed. Each
 * identifier is tried; the exit code is that of the first failure (3 for a dataset that needs a
 * login, 4 for an unknown identifier, 2 for a region outside the dataset).
 */
@Command(name = "cutout", mixinStandardHelpOptions = true,
        description = "Cut regions, bands, times or polarisations out of datasets with SODA; print one line per file.")
final class CutoutCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Mixin
    DataLinkOptions service = new DataLinkOptions();

    @Option(names = "--circle", arity = "3", paramLabel = "RA DEC R",
            description = "circle in ICRS degrees; repeatable")
    List<Double> circles = new ArrayList<>();

    @Option(names = "--polygon", arity = "6..*", paramLabel = "RA DEC", parameterConsumer = Numbers.class,
            description = "polygon vertices in ICRS degrees (at least 3 pairs); repeatable")
    List<String> polygons = new ArrayList<>();

    @Option(names = "--band", arity = "2", paramLabel = "LO HI", description = "wavelength interval in metres")
    List<Double> bands = new ArrayList<>();

    @Option(names = "--time", arity = "2", paramLabel = "LO HI", description = "time interval, MJD")
    List<Double> times = new ArrayList<>();

    @Option(names = "--pol", paramLabel = "S", description = "polarisation state (I, Q, U, V, ...); repeatable")
    List<String> pols = new ArrayList<>();

    /** Ctrl-C cancels the cutout in progress; the JVM waits this long for it to clean up. */
    private static final long CLEAN_UP_SECONDS = 10;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where to save (default: .)")
    Path out;

    @Option(names = "--async", description = "run each cutout as a SODA async (UWS) job")
    boolean async;

    @Option(names = "--post", description = "send sync requests as POST instead of GET")
    boolean post;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "dataset identifiers")
    List<String> ids;

    /** Takes the numbers that follow {@code --polygon}, one polygon per occurrence, separated by ";". */
    static final class Numbers implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            StringBuilder numbers = new StringBuilder();
            while (!args.isEmpty() && isNumber(args.peek())) {
                numbers.append(numbers.length() == 0 ? "" : " ").append(args.pop());
            }
            List<String> list = argSpec.getValue();
            list.add(numbers.toString());
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    CutoutRequest request(String id) {
        CutoutRequest.Builder b = CutoutRequest.of(id);
        for (int i = 0; i + 2 < circles.size(); i += 3) {
            b.circle(new Circle(circles.get(i), circles.get(i + 1), circles.get(i + 2)));
        }
        for (String p : polygons) {
            List<Double> v = p.isBlank() ? List.of()
                    : java.util.Arrays.stream(p.split(" ")).map(Double::valueOf).toList();
            b.polygon(new Polygon(v));
        }
        for (int i = 0; i + 1 < bands.size(); i += 2) {
            b.band(new Interval(bands.get(i), bands.get(i + 1)));
        }
        for (int i = 0; i + 1 < times.size(); i += 2) {
            b.time(new Interval(times.get(i), times.get(i + 1)));
        }
        pols.forEach(b::pol);
        return b.build();
    }

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        request(ids.get(0)); // refuses bad values before any request is sent
        var endpoint = service.endpoint();
        LinksDocument doc = context.dataLinks().resolve(endpoint, ids,
                ResolveOptions.defaults().withBatchSize(Math.max(1, service.batch)), new NullProgressMonitor());
        CutoutService cutouts = context.cutouts();
        NullProgressMonitor monitor = new NullProgressMonitor();
        try (CancelOnExit exit = new CancelOnExit(monitor, CLEAN_UP_SECONDS)) {
            return saveAll(context, doc, cutouts, monitor);
        }
    }

    private int saveAll(CliContext context, LinksDocument doc, CutoutService cutouts, NullProgressMonitor monitor) {
        int exit = ExitCode.OK;
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            String key = id.strip();
            Optional<ServiceDescriptor> descriptor = doc.sodaDescriptor(key, async);
            if (descriptor.isEmpty()) {
                Optional<DataLink> error = doc.forId(key).stream().filter(DataLink::isError).findFirst();
                context.err().println("astrolabe: " + key + ": " + error.map(DataLink::errorMessage)
                        .orElse("no SODA " + (async ? "async" : "sync") + " service in its DataLink answer"));
                exit = first(exit, error.isPresent() && error.get().errorMessage().startsWith("NotFoundFault")
                        ? ExitCode.NOT_FOUND : ExitCode.FAILURE);
                continue;
            }
            try {
                CutoutService.Mode mode = async ? CutoutService.Mode.ASYNC
                        : post ? CutoutService.Mode.POST : CutoutService.Mode.GET;
                context.info(mode + " cutout of " + key + " at " + descriptor.get().accessUrl());
                Path file = cutouts.save(descriptor.get(), request(key), mode, out, monitor);
                context.out().println(file);
                context.out().flush();
            } catch (AstrolabeException e) {
                context.err().println("astrolabe: " + key + ": " + e.getMessage());
                exit = first(exit, ExitCode.of(e));
            }
        }
        return exit;
    }

    private static int first(int current, int next) {
        return current == ExitCode.OK ? next : current;
    }
}
