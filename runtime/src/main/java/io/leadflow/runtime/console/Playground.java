package io.leadflow.runtime.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.explain.Explainer;
import io.leadflow.dsl.explain.Explanation;
import java.time.Clock;
import java.util.Locale;

/**
 * The rule playground: compile rule texts, run one lead through a flow with the compiler's
 * {@code explain} and {@code map} (what {@code leadflow explain} and {@code leadflow map} print),
 * and never send anything. Pure: no journal, no connector, no network.
 */
public final class Playground {
    private Playground() { }

    /** Every diagnostic of a compile, each with its position and its rendering (source line and caret). */
    public static ArrayNode diagnostics(CompileResult r) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Diagnostic d : r.diagnostics()) {
            String text = r.sources().get(d.span().file());
            String line = null;
            if (text != null) {
                String[] lines = text.split("\r?\n", -1);
                if (d.span().line() >= 1 && d.span().line() <= lines.length) line = lines[d.span().line() - 1];
            }
            out.addObject().put("severity", d.severity().name().toLowerCase(Locale.ROOT)).put("code", d.code().name())
                    .put("message", d.message()).put("at", d.span().at()).put("file", d.span().file())
                    .put("line", d.span().line()).put("column", d.span().column()).put("rendered", d.render(line));
        }
        return out;
    }

    /**
     * @param compiled the compiled rule texts (a failed compile gives only its diagnostics)
     * @param flowName the flow to run, or null for the only / first flow
     * @param lead     the lead as a JSON object, or null to compile only
     * @param crm      what the CRM holds ({@code explain --crm} shape), or null for an empty CRM
     */
    public static ObjectNode run(CompileResult compiled, String flowName, JsonNode lead, JsonNode crm, Clock clock) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("ok", compiled.ok());
        out.set("diagnostics", diagnostics(compiled));
        ArrayNode flows = out.putArray("flows");
        if (compiled.program().isEmpty()) return out;
        var program = compiled.program().get();
        program.flows().forEach(f -> flows.add(f.name()));
        if (program.flows().isEmpty()) return out.put("error", "the rule texts declare no flow");
        Flow flow = flowName == null || flowName.isBlank() ? program.flows().get(0) : program.flow(flowName).orElse(null);
        if (flow == null) return out.put("error", "no flow \"" + flowName + "\" in these rules; flows: " + String.join(", ", program.flows().stream().map(Flow::name).toList()));
        out.put("flow", flow.name());
        if (lead == null) return out;
        if (!lead.isObject()) return out.put("error", "the lead must be a JSON object");
        try {
            Explanation e = Explainer.explain(compiled, flow.name(), lead, crm, clock);
            out.set("explain", e.json());
            out.put("text", e.text());
            out.set("map", flow.map(lead, clock));
        } catch (IllegalArgumentException | RuleException ex) {
            out.put("error", ex.getMessage());
        }
        return out;
    }
}
