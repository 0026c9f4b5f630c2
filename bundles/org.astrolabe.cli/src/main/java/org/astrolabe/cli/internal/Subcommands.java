package org.astrolabe.cli.internal;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds to the root command only the subcommand a command line runs, so that picocli builds the
 * model of one command rather than of twenty; every subcommand is added when the command line names
 * none, or one that does not exist, so that help and error messages list them all.
 */
final class Subcommands {

    private Subcommands() {
    }

    /**
     * @param root the root command line, without subcommands yet
     * @param classes the subcommand classes, in the order help lists them
     * @param args the command line
     */
    static void add(CommandLine root, List<Class<?>> classes, String[] args) {
        String name = subcommandName(root, args);
        if (name != null) {
            for (Class<?> cls : classes) {
                if (names(cls).contains(name)) {
                    root.addSubcommand(cls);
                    return;
                }
            }
        }
        classes.forEach(root::addSubcommand);
    }

    /** The first argument that is neither a root option nor the value of one, or null. */
    static String subcommandName(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return arg;
            }
            if (arg.contains("=")) {
                continue;
            }
            OptionSpec option = root.getCommandSpec().findOption(arg);
            if (option == null) {
                return null; // an unknown option: picocli reports it, with the full model
            }
            if (option.arity().min() > 0) {
                i++;
            }
        }
        return null;
    }

    private static List<String> names(Class<?> cls) {
        Command command = cls.getAnnotation(Command.class);
        if (command == null) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }
}
