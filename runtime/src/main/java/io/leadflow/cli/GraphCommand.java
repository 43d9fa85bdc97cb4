package io.leadflow.cli;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
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

/** {@code leadflow graph FILE [--flow NAME] [--format dot|mermaid]}: the compiled rule graph. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Print the rule graph of a file's flows as DOT or Mermaid.")
public final class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rule file.")
    Path file;

    @Option(names = "--flow", paramLabel = "NAME", description = "Only this flow (default: every flow of the file).")
    String flow;

    @Option(names = "--format", defaultValue = "dot", paramLabel = "dot|mermaid", description = "Output format (default: dot).")
    String format;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!format.equals("dot") && !format.equals("mermaid")) {
            err.println("unknown format '" + format + "': use dot or mermaid");
            err.flush();
            return 2;
        }
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compile(List.of(file));
        if (!r.ok()) {
            err.print(r.render());
            err.flush();
            return 1;
        }
        var program = r.program().orElseThrow();
        List<String> names = flow != null ? List.of(flow) : program.flows().stream().map(Flow::name).toList();
        var out = spec.commandLine().getOut();
        for (String name : names) {
            var text = Leadflow.graph(program, name, format);
            if (text.isEmpty()) {
                err.println("no flow \"" + name + "\"; flows: " + program.flows().stream().map(Flow::name).toList());
                err.flush();
                return 1;
            }
            out.print(text.get());
        }
        out.flush();
        return 0;
    }
}
