package io.leadflow.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.runtime.journal.EffectView;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadSummary;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;

/** The registry's JSON shapes for a lead row and a lead's full record. */
public final class LeadJson {
    private LeadJson() { }

    public static ObjectNode summary(LeadSummary s) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("id", s.leadId()).put("flow", s.flow()).put("source", s.source())
                .put("status", s.status().name().toLowerCase(Locale.ROOT))
                .put("receivedAt", str(s.receivedAt())).put("updatedAt", str(s.updatedAt()))
                .put("ruleVersion", s.ruleVersion()).put("reason", s.reason());
        if (s.duplicateOf() != null) o.put("duplicateOf", s.duplicateOf());
        return o;
    }

    public static ObjectNode detail(LeadDetail d) {
        ObjectNode o = summary(d.summary());
        o.put("sourceEventId", d.sourceEventId()).put("idempotencyKey", d.idempotencyKey())
                .put("contentType", d.contentType()).put("run", d.run()).put("firstRuleVersion", d.firstRuleVersion())
                .put("attempts", d.attempts()).put("nextAt", str(d.nextAt()));
        String raw = new String(d.body(), StandardCharsets.UTF_8);
        o.put("body", raw);
        if ("application/json".equals(d.contentType())) o.set("bodyJson", parseOrText(raw));
        ObjectNode headers = o.putObject("headers");
        new TreeMap<>(d.headers()).forEach(headers::put);
        o.set("trace", d.traceJson() == null ? null : parseOrText(d.traceJson()));
        ArrayNode effects = o.putArray("effects");
        for (EffectView e : d.effects()) {
            ObjectNode eo = effects.addObject();
            eo.put("run", e.run()).put("index", e.index()).put("kind", e.kind()).put("idempotencyKey", e.idemKey())
                    .put("state", e.state().name().toLowerCase(Locale.ROOT)).put("attempts", e.attempts())
                    .put("crmRef", e.crmRef()).put("lastError", e.lastError()).put("nextAt", str(e.nextAt()));
            eo.set("effect", e.effectJson() == null ? null : parseOrText(e.effectJson()));
        }
        return o;
    }

    private static JsonNode parseOrText(String s) {
        try {
            return Responses.JSON.readTree(s);
        } catch (java.io.IOException e) {
            return Responses.JSON.getNodeFactory().textNode(s);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
