package org.astrolabe.cli.internal;

import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe collections}: the archive's collections and their energy bands. */
@Command(name = "collections", mixinStandardHelpOptions = true,
        description = "List the archive's collections and their energy bands.")
final class CollectionsCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        var archive = context.archive();
        var collections = context.recipes().collections(archive, new NullProgressMonitor());
        AlignedText table = new AlignedText("").row("COLLECTION", "BANDS");
        collections.forEach((name, bands) -> table.row(name, String.join(",", bands)));
        table.print(context.out());
        context.out().flush();
        return ExitCode.OK;
    }
}
