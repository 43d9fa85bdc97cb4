package io.leadflow.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.exec.FlowProgram;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Evaluates one expression over a lead by compiling it as the only let of a flow. */
public final class ExprHarness {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    private ExprHarness() { }

    public static CompileResult compile(String expr) {
        return Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("e.flow",
                "flow \"e\" {\n  from site.test\n  to keepincrm\n  let v = " + expr + "\n}\n"));
    }

    /** The value, or Java null for no value; fails the test when the expression does not compile. */
    public static JsonNode eval(String expr, String leadJson) {
        CompileResult r = compile(expr);
        if (!r.ok()) throw new AssertionError(expr + " does not compile:\n" + r.render());
        FlowProgram flow = (FlowProgram) r.program().orElseThrow().flows().get(0);
        try {
            return flow.prepare(JSON.readTree(leadJson), CLOCK).slot(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode eval(String expr) {
        return eval(expr, "{}");
    }
}
