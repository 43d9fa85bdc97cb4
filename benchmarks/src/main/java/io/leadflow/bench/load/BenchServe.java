package io.leadflow.bench.load;

import io.leadflow.cli.ServeCommand;
import picocli.CommandLine;

/** {@code leadflow serve} with the bench flow: the server under load, in its own JVM. */
public final class BenchServe {
    private BenchServe() { }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand(BenchCompiler::new)).execute(args));
    }
}
