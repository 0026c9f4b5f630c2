package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class SubcommandsTest {

    private static CommandLine root() {
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        return new CommandLine(new AstrolabeCommand(new CliContext(null, nowhere, nowhere)),
                new CommandFactory(new CliContext(null, nowhere, nowhere)));
    }

    private static List<String> added(String... args) {
        CommandLine root = root();
        Subcommands.add(root, AstrolabeCommand.SUBCOMMANDS, args);
        return List.copyOf(root.getSubcommands().keySet());
    }

    @Test
    void findsTheSubcommandAfterRootOptionsAndTheirValues() {
        assertEquals("query", Subcommands.subcommandName(root(), new String[] {"--service", "tables", "-q",
                "--timeout", "5", "query", "SELECT 1"}));
        assertEquals("jobs", Subcommands.subcommandName(root(), new String[] {"--service=query", "jobs"}));
        assertEquals("login", Subcommands.subcommandName(root(), new String[] {"--auth-order", "basic,cookie",
                "login"}));
        assertNull(Subcommands.subcommandName(root(), new String[] {"--help"}));
        assertNull(Subcommands.subcommandName(root(), new String[] {"--no-such-option", "query"}));
        assertNull(Subcommands.subcommandName(root(), new String[] {"--service"}));
    }

    @Test
    void addsOnlyTheSubcommandThatRuns() {
        assertEquals(List.of("query"), added("--service", "x", "query", "SELECT 1"));
        assertEquals(List.of("job"), added("job", "show", "http://example.org/tap/async/1"));
        assertEquals(List.of("services"), added("services", "add", "x", "http://example.org/tap"));
    }

    @Test
    void addsThemAllWhenHelpOrAnErrorNeedsTheList() {
        int all = AstrolabeCommand.SUBCOMMANDS.size();
        assertEquals(all, added().size());
        assertEquals(all, added("--help").size());
        assertEquals(all, added("qeury", "SELECT 1").size());
        assertEquals(all, added("-vq", "query").size());
    }

    @Test
    void theHelpStillListsEverySubcommandInOrder() {
        CommandLine root = root();
        Subcommands.add(root, AstrolabeCommand.SUBCOMMANDS, new String[] {"--help"});
        String usage = root.getUsageMessage();
        int availability = usage.indexOf("  availability");
        int logout = usage.indexOf("  logout");
        assertEquals(true, availability > 0 && logout > availability, usage);
    }
}
