package io.leadflow.cli;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.Formatted;
import io.leadflow.dsl.Leadflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leadflow fmt [--check] PATH...}: rewrites rule files in the canonical layout. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Format rule files in place (directories: every *.flow under them). Comments are kept.")
public final class FmtCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Change nothing; list files that are not formatted and exit 1 if any.")
    boolean check;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int status = 0;
        for (Path root : paths) {
            for (String file : LeadflowCompiler.expand(root)) {
                try {
                    String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                    Formatted r = Leadflow.format(file, text);
                    Optional<String> formatted = r.text();
                    if (formatted.isEmpty()) {
                        err.print(new CompileResult(Optional.empty(), r.errors(), Map.of(file, text)).render());
                        status = 1;
                    } else if (!formatted.get().equals(text)) {
                        if (check) {
                            err.println("not formatted: " + file);
                            status = 1;
                        } else {
                            Files.writeString(Path.of(file), formatted.get(), StandardCharsets.UTF_8);
                            out.println("formatted " + file);
                        }
                    }
                } catch (IOException e) {
                    err.println(file + ": cannot read or write: " + e.getMessage());
                    status = 1;
                }
            }
        }
        out.flush();
        err.flush();
        return status;
    }
}
