package io.leadflow.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.spi.ConnectorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;

/**
 * A workload made ready to run: the flow compiled with the real connector schemas (the catalog
 * {@code serve} discovers), the JSLT compiled with its Java functions, the lead as bytes and as
 * a tree. The contestants, on both paths:
 * <ul>
 *   <li>tree → tree: the lead tree to the mapped document tree;</li>
 *   <li>bytes → bytes: the lead's JSON bytes to the mapped document's JSON bytes. JSLT and the
 *       hand-written mapper parse the whole lead with Jackson, map, and serialise with Jackson;
 *       Leadflow reads only the paths its mapping uses and writes the document without a tree
 *       ({@code FlowProgram.mapBytes}); {@code leadflowTreeBytes} is Leadflow the others' way.</li>
 * </ul>
 */
public final class Suite {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.systemUTC();

    public final Workload workload;
    public final Flow flow;
    public final Expression jslt;
    public final byte[] leadBytes;
    public final JsonNode lead;
    private JsonNode expected;

    private Suite(Workload w) {
        this.workload = w;
        String file = w.flowFile() == null ? w.name() + ".flow" : w.flowFile();
        String source = w.flowSource() == null ? Workloads.read(w.flowFile()) : w.flowSource();
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compileSources(Map.of(file, source));
        if (!r.ok()) throw new IllegalStateException(w.name() + ": the flow does not compile:\n" + r.render());
        this.flow = r.program().orElseThrow().flows().get(0);
        this.jslt = Parser.compileString(w.jslt(), JsltFunctions.ALL);
        String leadText = w.leadJson().startsWith("examples/") ? Workloads.read(w.leadJson()) : w.leadJson();
        this.leadBytes = leadText.getBytes(StandardCharsets.UTF_8);
        try {
            this.lead = JSON.readTree(leadBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Suite of(String workload) {
        return new Suite(Workloads.byName(workload));
    }

    public static Suite of(Workload workload) {
        return new Suite(workload);
    }

    public JsonNode leadflowTree() {
        return flow.map(lead, CLOCK);
    }

    /** Leadflow by its closure interpreter (the reference the generated code is checked against). */
    public JsonNode closuresTree() {
        return ((io.leadflow.dsl.exec.FlowProgram) flow).referenceMap(lead, CLOCK);
    }

    public JsonNode jsltTree() {
        return jslt.apply(lead);
    }

    public JsonNode handTree() {
        return workload.hand().apply(lead);
    }

    /** Leadflow's own path: only the lead paths the mapping reads are parsed, the document written straight from the blocks. */
    public byte[] leadflowBytes() throws IOException {
        return ((io.leadflow.dsl.exec.FlowProgram) flow).mapBytes(leadBytes, CLOCK);
    }

    /** Leadflow the way the others do it: parse the whole lead, map to a tree, serialise the tree. */
    public byte[] leadflowTreeBytes() throws IOException {
        return JSON.writeValueAsBytes(flow.map(JSON.readTree(leadBytes), CLOCK));
    }

    public byte[] jsltBytes() throws IOException {
        return JSON.writeValueAsBytes(jslt.apply(JSON.readTree(leadBytes)));
    }

    public byte[] handBytes() throws IOException {
        return JSON.writeValueAsBytes(workload.hand().apply(JSON.readTree(leadBytes)));
    }

    /**
     * Not a contestant: the floor under every bytes path that reads with Jackson's tokeniser and
     * writes with Jackson's generator. It tokenises the whole lead (string values are not decoded)
     * and writes the already-mapped document, so it maps nothing. {@code jsltBytes / floorBytes}
     * bounds what any such mapper can reach against JSLT, however its mapping is built.
     */
    public byte[] floorBytes() throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(leadBytes)) {
            while (p.nextToken() != null) { }
        }
        if (expected == null) expected = handTree();
        return JSON.writeValueAsBytes(expected);
    }

    /** Numbers equal by value (39.9 as a double or a decimal), everything else by Jackson's equality. */
    static final Comparator<JsonNode> SAME = (a, b) -> {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
        return a.equals(b) ? 0 : 1;
    };

    /**
     * Fails unless all three contestants give the same document on both paths, and the document
     * is not trivially empty, so no contestant wins by doing less.
     */
    public void check() {
        try {
            JsonNode expected = handTree();
            same("jslt tree", expected, jsltTree());
            same("leadflow tree", expected, leadflowTree());
            same("leadflow closures tree", expected, closuresTree());
            same("hand bytes", expected, JSON.readTree(handBytes()));
            same("jslt bytes", expected, JSON.readTree(jsltBytes()));
            same("leadflow bytes", expected, JSON.readTree(leadflowBytes()));
            same("leadflow tree bytes", expected, JSON.readTree(leadflowTreeBytes()));
            int fields = 0;
            for (JsonNode entity : expected) fields += entity.size();
            if (fields < 5) throw new IllegalStateException(workload.name() + ": only " + fields + " fields mapped: " + expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void same(String who, JsonNode expected, JsonNode actual) {
        if (!expected.equals(SAME, actual)) {
            throw new IllegalStateException(workload.name() + ": " + who + " maps differently from the hand-written mapper:\n expected "
                    + expected + "\n actual   " + actual);
        }
    }
}
