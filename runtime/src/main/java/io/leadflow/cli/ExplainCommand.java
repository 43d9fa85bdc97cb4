package io.leadflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.explain.Explainer;
import io.leadflow.dsl.explain.Explanation;
import io.leadflow.spi.ConnectorCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadflow explain FILE --flow NAME --lead lead.json [--crm state.json] [--json]}: the decision trace of one lead. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show what a flow does with one lead: filters, phone, what was found, which rule matched and why, every field and effect.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE", description = "The rule file (or directory) holding the flow.")
    Path file;

    @Option(names = "--flow", required = true, description = "The flow's name.")
    String flow;

    @Option(names = "--lead", required = true, description = "The lead as a JSON file.")
    Path lead;

    @Option(names = "--crm", description = "The CRM state as JSON: {\"contacts\": [...], \"deals\": [...], \"managers\": {...}} (see docs/cli.md).")
    Path crm;

    @Option(names = "--now", description = "The clock, ISO date-time with offset (default: the current time).")
    String now;

    @Option(names = "--json", description = "Print the trace as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        CompileResult compiled = Leadflow.compiler(ConnectorCatalog.discover()).compile(List.of(file));
        if (!compiled.ok()) {
            spec.commandLine().getErr().print(compiled.render());
            return 1;
        }
        try {
            Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneOffset.UTC);
            Explanation e = Explainer.explain(compiled, flow, read(lead, "--lead"), crm == null ? null : read(crm, "--crm"), clock);
            spec.commandLine().getOut().print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e.json()) + "\n" : e.text());
            return 0;
        } catch (IllegalArgumentException | RuleException | java.time.format.DateTimeParseException ex) {
            spec.commandLine().getErr().println("explain: " + ex.getMessage());
            return 2;
        }
    }

    private static JsonNode read(Path p, String option) {
        try {
            return JSON.readTree(Files.readString(p));
        } catch (IOException ex) {
            throw new IllegalArgumentException(option + " " + p + ": cannot read it as JSON (" + ex.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
