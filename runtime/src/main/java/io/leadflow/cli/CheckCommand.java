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
import picocli.CommandLine.Option;
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

    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (default: diagnostics on stderr with carets) or json (one document on stdout: path, line, column, code, message of each diagnostic).")
    Format format;

    @picocli.CommandLine.Mixin
    AccountFiles accountFiles;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1 when there is any).")
    boolean strict;

    @Override
    public Integer call() {
        var accounts = accountFiles.loadOrSay(paths, spec.commandLine().getErr());
        if (accounts.isEmpty()) return 2;
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover(), accounts.get()).compile(paths);
        long warnings = Reports.count(r.diagnostics(), Diagnostic.Severity.WARNING);
        boolean ok = r.ok() && !(strict && warnings > 0);
        if (format == Format.json) {
            var out = spec.commandLine().getOut();
            out.print(Reports.diagnosticsJson(r, ok));
            out.flush();
            return ok ? 0 : 1;
        }
        var err = spec.commandLine().getErr();
        if (!r.diagnostics().isEmpty()) err.print(r.render());
        if (!ok) {
            long errors = Reports.count(r.diagnostics(), Diagnostic.Severity.ERROR);
            String files = " in " + r.sources().size() + " file" + (r.sources().size() == 1 ? "" : "s");
            if (r.ok()) err.println(warnings + " warning" + (warnings == 1 ? "" : "s") + files + " (--strict: warnings are errors)");
            else err.println(errors + " error" + (errors == 1 ? "" : "s") + files);
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
