package org.astrolabe.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.Capability;
import org.astrolabe.core.vosi.ServiceInterface;
import org.astrolabe.core.vosi.TapCapability;
import org.astrolabe.core.vosi.TapCapability.DataLimits;
import org.astrolabe.core.vosi.TapCapability.TimeLimit;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code astrolabe capabilities}: the service's VOSI capabilities as readable text: the TAP
 * languages, output formats, upload methods and limits (TAPRegExt), then every capability with its
 * interfaces and security methods.
 */
@Command(name = "capabilities", mixinStandardHelpOptions = true,
        description = "Show what the service offers (VOSI capabilities): TAP languages, output formats, "
                + "upload methods, limits, and every interface with its security methods.")
final class CapabilitiesCommand implements Callable<Integer> {

    /** Width at which the list of language features is wrapped. */
    private static final int WRAP = 80;

    @ParentCommand
    AstrolabeCommand root;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        var client = context.tapClient();
        context.info("GET " + client.baseUri() + "/capabilities");
        Capabilities caps = client.metadata().capabilities(new NullProgressMonitor());
        caps.warnings().forEach(w -> context.warn("capabilities document: " + w));
        PrintStream out = context.out();
        AlignedText summary = new AlignedText("");
        summary.row("service", client.baseUri().toString());
        caps.tap().ifPresentOrElse(tap -> describeTap(tap, summary),
                () -> summary.row("TAP", "no TAPRegExt capability declared"));
        summary.print(out);
        out.println();
        AlignedText table = new AlignedText("");
        table.row("CAPABILITY", "INTERFACE", "ROLE", "ACCESS URL", "SECURITY");
        for (Capability c : caps.capabilities()) {
            String id = c.standardId().isEmpty() ? "(" + (c.type().isEmpty() ? "no standard id" : c.type()) + ")"
                    : c.standardId();
            if (c.interfaces().isEmpty()) {
                table.row(id, "-", "", "", "");
            }
            for (ServiceInterface i : c.interfaces()) {
                String urls = i.accessUrls().stream()
                        .map(u -> u.url() + (u.use().isEmpty() ? "" : " (" + u.use() + ")"))
                        .collect(Collectors.joining(", "));
                table.row(id, i.type().isEmpty() ? "-" : i.type(), i.role(), urls, security(i));
            }
        }
        table.print(out);
        out.flush();
        return ExitCode.OK;
    }

    private static String security(ServiceInterface i) {
        if (i.securityMethods().isEmpty()) {
            return "anonymous";
        }
        return i.securityMethods().stream()
                .map(m -> m.isAnonymous() ? "anonymous" : shortId(m.standardId()))
                .collect(Collectors.joining(", "));
    }

    private static void describeTap(TapCapability tap, AlignedText text) {
        boolean first = true;
        for (TapCapability.Language l : tap.languages()) {
            String versions = l.versions().stream().map(TapCapability.Version::version).collect(Collectors.joining(", "));
            text.row(first ? "languages" : "", l.name() + (versions.isEmpty() ? "" : " " + versions));
            List<String> features = l.featureSets().stream()
                    .map(s -> shortId(s.type()).replaceFirst("^features-", "") + " (" + s.features().size() + ")")
                    .toList();
            String prefix = "  features: ";
            StringBuilder line = new StringBuilder();
            for (String f : features) {
                if (line.length() > 0 && line.length() + f.length() > WRAP) {
                    text.row("", prefix + line + ",");
                    prefix = "            ";
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? ", " : "").append(f);
            }
            if (line.length() > 0) {
                text.row("", prefix + line);
            }
            first = false;
        }
        first = true;
        for (TapCapability.OutputFormat f : tap.outputFormats()) {
            text.row(first ? "output formats" : "", f.mime()
                    + (f.aliases().isEmpty() ? "" : "  [" + String.join(", ", f.aliases()) + "]"));
            first = false;
        }
        text.row("upload methods", tap.uploadMethods().isEmpty() ? "none"
                : tap.uploadMethods().stream().map(CapabilitiesCommand::shortId)
                        .map(s -> s.replaceFirst("^upload-", "")).collect(Collectors.joining(", ")));
        if (!tap.dataModels().isEmpty()) {
            text.row("data models", tap.dataModels().stream().map(TapCapability.DataModel::name)
                    .collect(Collectors.joining(", ")));
        }
        tap.retentionPeriods().forEach(l -> text.row(label("retention period", l.forMode()), time(l)));
        tap.executionDurations().forEach(l -> text.row(label("execution duration", l.forMode()), time(l)));
        tap.outputLimits().forEach(l -> text.row(label("output limit", l.forMode()), data(l)));
        tap.uploadLimits().forEach(l -> text.row(label("upload limit", l.forMode()), data(l)));
    }

    private static String label(String what, String mode) {
        return mode.isEmpty() ? what : what + " (" + mode + ")";
    }

    private static String time(TimeLimit l) {
        List<String> parts = new ArrayList<>();
        seconds("default", l.defaultSeconds(), parts);
        seconds("hard", l.hardSeconds(), parts);
        return String.join(", ", parts);
    }

    private static void seconds(String what, OptionalLong value, List<String> parts) {
        value.ifPresent(s -> parts.add(what + " " + s + " s"));
    }

    private static String data(DataLimits l) {
        List<String> parts = new ArrayList<>();
        l.defaultLimit().ifPresent(d -> parts.add("default " + d));
        l.hardLimit().ifPresent(d -> parts.add("hard " + d));
        return String.join(", ", parts);
    }

    /** {@code ivo://ivoa.net/sso#cookie} → {@code cookie}; ids without a fragment stay whole. */
    static String shortId(String id) {
        int hash = id.lastIndexOf('#');
        return hash >= 0 && hash < id.length() - 1 && (id.startsWith("ivo://ivoa.net/") || id.contains("BasicAA"))
                ? id.substring(hash + 1) : id;
    }
}
