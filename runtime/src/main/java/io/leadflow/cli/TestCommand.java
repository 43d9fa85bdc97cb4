package io.leadflow.cli;

import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.testing.RuleTestRunner;
import io.leadflow.dsl.testing.TestReport;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadflow test PATH...}: runs the test blocks beside the rules; the last line is {@code N passed, N failed}. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the test blocks of rule files (and *_test.flow files); report failures and rule coverage.")
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories (every *.flow below).")
    List<Path> paths;

    @Option(names = {"-v", "--verbose"}, description = "Also list the tests that passed.")
    boolean verbose;

    enum Format { text, junit }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|junit",
            description = "text (default) or junit: JUnit XML on stdout, one testsuite per rule file, for CI servers.")
    Format format;

    @Option(names = "--tries", defaultValue = "" + RuleTestRunner.DEFAULT_TRIES, paramLabel = "N",
            description = "Generated leads per flow for the built-in properties (default ${DEFAULT-VALUE}; 0 runs the test blocks only).")
    int tries;

    @picocli.CommandLine.Mixin
    AccountFiles accountFiles;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated leads (a failure prints the seed that reproduces it); random when not given.")
    Long seed;

    @Override
    public Integer call() {
        if (tries < 0) {
            spec.commandLine().getErr().println("--tries must be 0 or more");
            spec.commandLine().getErr().flush();
            return 2;
        }
        long s = seed != null ? seed : new java.util.SplittableRandom().nextLong();
        var accounts = accountFiles.loadOrSay(paths, spec.commandLine().getErr());
        if (accounts.isEmpty()) return 2;
        TestReport report = new RuleTestRunner(Leadflow.compiler(ConnectorCatalog.discover(), accounts.get()), tries, s).run(paths);
        var out = spec.commandLine().getOut();
        out.print(format == Format.junit ? Reports.junitXml(report) : report.render(verbose));
        out.flush();
        return report.ok() ? 0 : 1;
    }
}
