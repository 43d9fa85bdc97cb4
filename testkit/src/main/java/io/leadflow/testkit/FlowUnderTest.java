package io.leadflow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.testing.FlowGenerators;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One flow of a team's rule files, compiled against the connectors on the test class path
 * (add the connector modules the flows use as test dependencies), ready for {@code @Property}
 * tests: {@link LeadflowArbitraries} generate its leads and CRM states, {@link #run} gives what the
 * flow does, {@link FlowOutcome} says it in assertions.
 *
 * <pre>{@code
 * static final FlowUnderTest ORDERS = FlowUnderTest.load(Path.of("rules"), "horoshop orders");
 *
 * @Property
 * void aBuyerWithAnOpenDealNeverGetsASecondDeal(@ForAll("leads") ObjectNode lead) {
 *     ORDERS.run(lead, "open_deal").assertNo("create deal");
 * }
 *
 * @Provide
 * Arbitrary<ObjectNode> leads() {
 *     return LeadflowArbitraries.leads(ORDERS);
 * }
 * }</pre>
 */
public final class FlowUnderTest {
    private final FlowGenerators generators;

    private FlowUnderTest(FlowGenerators generators) {
        this.generators = generators;
    }

    /**
     * Compiles the rule files (a folder means every {@code *.flow} under it).
     *
     * @throws AssertionError with every diagnostic when they do not compile, or when there is no such flow
     */
    public static FlowUnderTest load(Path rules, String flow) {
        ConnectorCatalog catalog = ConnectorCatalog.discover();
        CompileResult compiled = Leadflow.compiler(catalog).compile(List.of(rules));
        if (!compiled.ok()) throw new AssertionError("the rule files under " + rules + " do not compile:\n" + compiled.render());
        try {
            return new FlowUnderTest(FlowGenerators.of(compiled, flow, catalog));
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e.getMessage() + " under " + rules);
        }
    }

    public String flow() {
        return generators.flow();
    }

    /** A lead as the flow's source sends them (the generator {@link LeadflowArbitraries#leads} uses). */
    public ObjectNode lead(long seed) {
        return generators.lead(new SplittableRandom(seed));
    }

    /** The flow over the lead in a named CRM state ({@link LeadflowArbitraries#CRM_STATES}). */
    public FlowOutcome run(JsonNode lead, String crmState) {
        return new FlowOutcome(flow(), lead, generators.run(lead, crmState));
    }
}
