package io.leadflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code leadflow} command line. Each sub-command is a class of its own in this package. */
@Command(name = "leadflow", mixinStandardHelpOptions = true, version = "leadflow 0.1.0",
        description = "Rules DSL and mapping compiler for lead-routing integrations.",
        subcommands = {CommandLine.HelpCommand.class, CheckCommand.class, FmtCommand.class, GraphCommand.class, MapCommand.class,
                TestCommand.class, ExplainCommand.class, ServeCommand.class, ImpactCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        try {
            return cli.execute(args);
        } finally {
            // picocli's writers flush only on println; a command that ends with print() would lose its output at exit.
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }
}
