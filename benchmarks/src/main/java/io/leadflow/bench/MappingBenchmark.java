package io.leadflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.leadflow.connector.baselinker.BaselinkerSchema;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.exec.FlowProgram;
import io.leadflow.dsl.Leadflow;
import io.leadflow.spi.ConnectorCatalog;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One lead → one Baselinker order payload, three contestants on the same input and output:
 * the tree alone ({@code *Tree}) and lead to the request bytes the connector sends ({@code *Bytes}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MappingBenchmark {
    JsonNode lead;
    FlowProgram flow;
    Expression jslt;
    Clock clock = Clock.systemUTC();

    @Setup
    public void setUp() {
        lead = Fixture.lead();
        CompileResult r = Leadflow.compiler(ConnectorCatalog.of(BaselinkerSchema.DESCRIPTOR))
                .compileSources(Map.of("bench.flow", Fixture.LEADFLOW));
        if (!r.ok()) throw new IllegalStateException(r.render());
        flow = (FlowProgram) r.program().orElseThrow().flows().get(0);
        jslt = Parser.compileString(Fixture.JSLT);
        JsonNode expected = Fixture.expected();
        check("leadflow", expected, leadflowTree());
        check("jslt", expected, jsltTree());
        try {
            check("leadflow bytes", expected.get("deal"), Fixture.JSON.readTree(leadflowBytes()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(String who, JsonNode expected, JsonNode actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(who + " maps differently:\n expected " + expected + "\n actual   " + actual);
        }
    }

    @Benchmark
    public JsonNode leadflowTree() {
        return flow.map(lead, clock);
    }

    @Benchmark
    public JsonNode jsltTree() {
        return jslt.apply(lead);
    }

    @Benchmark
    public JsonNode handTree() {
        return HandMapper.map(lead);
    }

    /** Leadflow's own path to request bytes: the payload written straight from the compiled block. */
    @Benchmark
    public byte[] leadflowBytes() {
        return flow.payloadBytes(lead, clock, "deal").orElseThrow();
    }

    /** The same bytes the way JSLT and the hand-written code get them: build the tree, then serialise. */
    @Benchmark
    public byte[] leadflowTreeBytes() throws Exception {
        return Fixture.JSON.writeValueAsBytes(flow.map(lead, clock).get("deal"));
    }

    @Benchmark
    public byte[] jsltBytes() throws Exception {
        return Fixture.JSON.writeValueAsBytes(jslt.apply(lead).get("deal"));
    }

    @Benchmark
    public byte[] handBytes() throws Exception {
        return Fixture.JSON.writeValueAsBytes(HandMapper.map(lead).get("deal"));
    }
}
