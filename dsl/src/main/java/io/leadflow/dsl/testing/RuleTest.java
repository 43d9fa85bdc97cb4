package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.ExpectStmt;
import io.leadflow.dsl.ast.TestCrmStmt;
import io.leadflow.dsl.ast.TestCrmStatesStmt;
import io.leadflow.dsl.ast.TestTriesStmt;
import io.leadflow.dsl.ast.TestDecl;
import io.leadflow.dsl.ast.TestFlowStmt;
import io.leadflow.dsl.ast.TestLeadStmt;
import io.leadflow.dsl.ast.TestManagersStmt;
import io.leadflow.dsl.ast.TestNowStmt;
import io.leadflow.dsl.ast.TestStmt;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.spi.EntityKind;
import io.leadflow.dsl.scenario.CrmState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code test} block read into plain data: which flow, the lead, the CRM state, the clock and
 * the expectations. Test data must be constant (literals, lists, objects).
 */
record RuleTest(String name, SourceSpan span, Optional<String> flow, JsonNode lead, JsonNode crm,
                       Clock clock, List<ExpectStmt> expectations) {
    /** The clock of a test without {@code now}: fixed, so tests never depend on the day they run. */
    public static final Clock DEFAULT_CLOCK = Clock.fixed(OffsetDateTime.parse("2025-01-06T10:00:00+02:00").toInstant(), ZoneOffset.UTC);

    /** @throws IllegalArgumentException naming the statement when the block is not usable */
    static RuleTest of(TestDecl t) {
        Optional<String> flow = Optional.empty();
        JsonNode lead = null;
        ObjectNode crm = JsonNodeFactory.instance.objectNode();
        Map<String, JsonNode> managers = new HashMap<>();
        Clock clock = DEFAULT_CLOCK;
        List<ExpectStmt> expects = new ArrayList<>();
        for (TestStmt s : t.body()) {
            if (s instanceof TestFlowStmt f) flow = Optional.of(f.flow());
            else if (s instanceof TestLeadStmt l) lead = constant(l.value(), l.span());
            else if (s instanceof TestCrmStmt c) record(c, crm);
            else if (s instanceof TestManagersStmt m) managers.put(m.collection(), constant(m.value(), m.span()));
            else if (s instanceof TestNowStmt n) clock = clock(n);
            else if (s instanceof ExpectStmt e) expects.add(e);
            else if (s instanceof TestCrmStatesStmt || s instanceof TestTriesStmt) {
                throw new IllegalArgumentException(s.span().at() + ": generated CRM states and tries belong in a property block"
                        + " (property \"" + t.name() + "\" { … }); a test gives its CRM records: crm contact 7 { … }");
            }
        }
        if (lead == null) throw new IllegalArgumentException(t.span().at() + ": test \"" + t.name() + "\" has no lead { … }");
        if (expects.isEmpty()) throw new IllegalArgumentException(t.span().at() + ": test \"" + t.name() + "\" expects nothing");
        ObjectNode m = crm.putObject("managers");
        managers.forEach(m::set);
        return new RuleTest(t.name(), t.span(), flow, lead, crm, clock, expects);
    }

    public ManagerState managers() {
        return CrmState.managers(crm.get("managers"));
    }

    private static void record(TestCrmStmt c, ObjectNode crm) {
        ObjectNode rec = (ObjectNode) constant(c.value(), c.span()).deepCopy();
        rec.set("id", Constants.of(c.id()));
        EntityKind kind = EntityKind.fromBlockName(c.entity()).orElse(null);
        if (kind == EntityKind.CONTACT) crm.withArray("contacts").add(rec);
        else if (kind == EntityKind.DEAL) crm.withArray("deals").add(rec);
        else throw new IllegalArgumentException(c.span().at() + ": crm holds contact or deal records, not '" + c.entity() + "'");
    }

    private static Clock clock(TestNowStmt n) {
        try {
            return Clock.fixed(OffsetDateTime.parse(n.instant()).toInstant(), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(n.span().at() + ": now needs an ISO date-time with offset, e.g. 2025-03-01T10:00:00+02:00");
        }
    }

    static JsonNode constant(io.leadflow.dsl.ast.Expr e, SourceSpan at) {
        JsonNode v = Constants.of(e);
        if (v == null || !v.isObject()) throw new IllegalArgumentException(at.at() + ": test data must be a constant object (no lead fields or functions)");
        return v;
    }
}
