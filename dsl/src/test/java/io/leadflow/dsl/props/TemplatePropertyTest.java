package io.leadflow.dsl.props;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ExprHarness;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A template never renders "null", whatever is missing or null in the lead; and the bytes a
 * connector sends are the mapped tree, whatever the lead.
 */
class TemplatePropertyTest {
    private static final io.leadflow.dsl.Flow FLOW = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("t.flow", """
            template who(n) = "{n} ({lead.city})"
            flow "t" {
              from site.x
              to keepincrm
              contact { name <- "{lead.first} {lead.last}: {who(lead.name)} {lead.a.b[2]} {number(lead.n) + 1} {first(lead.list)}" }
              task { title <- "{lead.list} {lead.first ?? lead.last} {upper(lead.city)} {join(lead.list, ',')}" }
            }
            """)).program().orElseThrow().flows().get(0);

    @Provide
    Arbitrary<ObjectNode> leads() {
        Arbitrary<JsonNode> value = Arbitraries.of(ExprHarness.JSON.nullNode(), ExprHarness.JSON.getNodeFactory().textNode("Kyiv"),
                ExprHarness.JSON.getNodeFactory().numberNode(7), ExprHarness.JSON.createArrayNode().addNull().add("x"),
                ExprHarness.JSON.createObjectNode().putNull("b"));
        return Arbitraries.maps(Arbitraries.of("first", "last", "name", "city", "a", "n", "list"), value).ofMaxSize(7).map(m -> {
            ObjectNode o = ExprHarness.JSON.createObjectNode();
            m.forEach(o::set);
            return o;
        });
    }

    @Property(tries = 300)
    void templates_neverRenderNull(@ForAll("leads") ObjectNode lead) {
        String out = FLOW.map(lead, ExprHarness.CLOCK).toString();
        assertFalse(out.contains("null"), out);
    }

    @Property(tries = 200)
    void payloadBytes_areTheMappedTree(@ForAll("leads") ObjectNode lead) throws Exception {
        var flow = (io.leadflow.dsl.exec.FlowProgram) FLOW;
        var tree = FLOW.map(lead, ExprHarness.CLOCK);
        for (String entity : new String[] {"contact", "task"}) {
            org.junit.jupiter.api.Assertions.assertEquals(tree.get(entity),
                    ExprHarness.JSON.readTree(flow.payloadBytes(lead, ExprHarness.CLOCK, entity).orElseThrow()));
        }
    }
}
