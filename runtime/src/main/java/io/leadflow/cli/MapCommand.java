package io.leadflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.RuleException;
import io.leadflow.spi.ConnectorCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leadflow map FILE --flow NAME --lead lead.json}: the mapped payloads of a sample lead, no CRM involved. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Print the entity payloads a flow maps a lead to, as JSON (the pure part of a run).")
public final class MapCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rule file.")
    Path file;

    @Option(names = "--flow", required = true, paramLabel = "NAME", description = "The flow to run.")
    String flow;

    @Option(names = "--lead", required = true, paramLabel = "lead.json", description = "The lead, a JSON object.")
    Path lead;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compile(List.of(file));
            if (!r.ok()) {
                err.print(r.render());
                return 1;
            }
            var program = r.program().orElseThrow();
            Flow f = program.flow(flow).orElse(null);
            if (f == null) {
                err.println("no flow \"" + flow + "\" in " + file + "; flows: " + program.flows().stream().map(Flow::name).toList());
                return 1;
            }
            JsonNode input;
            try {
                input = JSON.readTree(lead.toFile());
            } catch (IOException e) {
                err.println(lead + ": not a readable JSON lead: " + e.getMessage());
                return 1;
            }
            if (input == null || !input.isObject()) {
                err.println(lead + ": the lead must be a JSON object");
                return 1;
            }
            var out = spec.commandLine().getOut();
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(f.map(input, Clock.systemUTC())));
            out.flush();
            return 0;
        } catch (RuleException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot write the result: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
        }
    }
}
