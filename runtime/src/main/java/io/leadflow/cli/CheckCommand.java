package io.leadflow.cli;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Leadflow;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leadflow check PATH...}: compiles rule files and reports every problem at once. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check rule files (directories: every *.flow under them). Exit 0 when clean, 1 with diagnostics on stderr.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compile(paths);
        var err = spec.commandLine().getErr();
        if (!r.diagnostics().isEmpty()) err.print(r.render());
        if (!r.ok()) {
            long errors = r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
            err.println(errors + " error" + (errors == 1 ? "" : "s") + " in " + r.sources().size() + " file" + (r.sources().size() == 1 ? "" : "s"));
            err.flush();
            return 1;
        }
        err.flush();
        var out = spec.commandLine().getOut();
        out.println("ok: " + r.sources().size() + " file" + (r.sources().size() == 1 ? "" : "s") + ", "
                + r.program().orElseThrow().flows().size() + " flow(s)");
        out.flush();
        return 0;
    }
}
