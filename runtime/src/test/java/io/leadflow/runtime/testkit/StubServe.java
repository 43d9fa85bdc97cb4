package io.leadflow.runtime.testkit;

import io.leadflow.cli.ServeCommand;
import picocli.CommandLine;

/** {@code leadflow serve} with the stub compiler: what the kill -9 tests run as a child process. */
public final class StubServe {
    private StubServe() { }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand(StubCompiler::new)).execute(args));
    }
}
