package io.leadflow.runtime.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.explain.Explainer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The impact of a rule change: stored leads re-decided by the rules that ran them (the baseline)
 * and by candidate rules, nothing sent. Each lead is decided against the CRM state its own run
 * found (the {@code find} step of its stored trace: the contact and deal seen then), at the time it
 * was received, with empty manager rotation state on both sides; so a difference comes from the
 * rules, not from the CRM or the clock. Leads whose decision or payload differ are grouped:
 * "create contact, create deal → task" for a different decision, "changed deal.title" for the
 * same decision with other field values.
 */
public final class Impact {
    private Impact() { }

    /**
     * A stored lead: its parsed body (null when it cannot be read), when it was received, its stored
     * trace ({@code {"steps":[…]}}) or null, and the content hash of the rules that last ran it (or null).
     */
    public record StoredLead(String id, String flow, JsonNode body, Instant receivedAt, JsonNode trace, String ruleVersion) { }

    /** One lead whose outcome changes. */
    public record Change(String leadId, String flow, JsonNode before, JsonNode after) { }

    /**
     * @param examined  leads re-decided on both sides
     * @param skipped   leads that could not be compared, with why (no baseline rules, body not a lead)
     * @param groups    changed leads by group name, largest group first
     */
    public record Report(int examined, Map<String, String> skipped, Map<String, List<Change>> groups) {
        public int changed() {
            return groups.values().stream().mapToInt(List::size).sum();
        }

        public ObjectNode json(UnaryOperator<JsonNode> mask, int perGroup) {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("examined", examined).put("changed", changed());
            ObjectNode sk = o.putObject("skipped");
            skipped.forEach(sk::put);
            ArrayNode gs = o.putArray("groups");
            groups.forEach((name, changes) -> {
                ObjectNode g = gs.addObject().put("group", name).put("count", changes.size());
                ArrayNode leads = g.putArray("leads");
                for (Change c : changes.subList(0, Math.min(perGroup, changes.size()))) {
                    leads.addObject().put("id", c.leadId()).put("flow", c.flow()).<ObjectNode>set("before", mask.apply(c.before()))
                            .set("after", mask.apply(c.after()));
                }
            });
            return o;
        }

        public String text(UnaryOperator<JsonNode> mask) {
            StringBuilder b = new StringBuilder();
            b.append(examined).append(" leads re-decided, ").append(changed()).append(" would change");
            if (!skipped.isEmpty()) b.append(", ").append(skipped.size()).append(" skipped");
            b.append('\n');
            groups.forEach((name, changes) -> {
                b.append("  ").append(name).append(": ").append(changes.size()).append('\n');
                for (Change c : changes.subList(0, Math.min(3, changes.size()))) {
                    b.append("    ").append(c.leadId()).append("  before ").append(mask.apply(c.before()))
                            .append("\n    ").append(" ".repeat(c.leadId().length())).append("  after  ").append(mask.apply(c.after())).append('\n');
                }
                if (changes.size() > 3) b.append("    … and ").append(changes.size() - 3).append(" more\n");
            });
            skipped.forEach((id, why) -> b.append("  skipped ").append(id).append(": ").append(why).append('\n'));
            return b.toString();
        }
    }

    /**
     * @param baseline  the rules that ran a lead (by lead), or null when they are not available
     * @param candidate the rules to compare with (compiled without errors)
     */
    public static Report run(List<StoredLead> leads, Function<StoredLead, CompileResult> baseline, CompileResult candidate) {
        if (!candidate.ok()) throw new IllegalArgumentException("the candidate rules do not compile:\n" + candidate.render());
        int examined = 0;
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        for (StoredLead l : leads) {
            CompileResult base = baseline.apply(l);
            if (base == null || !base.ok()) {
                skipped.put(l.id(), "the rules that ran it are neither loaded nor stored");
                continue;
            }
            if (l.body() == null || !l.body().isObject()) {
                skipped.put(l.id(), "its stored body is not a JSON object");
                continue;
            }
            JsonNode crm = crmSeen(l.trace());
            Clock clock = Clock.fixed(l.receivedAt(), ZoneOffset.UTC);
            JsonNode before = outcome(base, l, crm, clock);
            JsonNode after = outcome(candidate, l, crm, clock);
            examined++;
            String group = group(before, after);
            if (group != null) groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Change(l.id(), l.flow(), before, after));
        }
        Map<String, List<Change>> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Report(examined, skipped, sorted);
    }

    /** {@code {"dropped": reason}} or {@code {"effects": […]}} or {@code {"error": …}}: what a flow decides for the lead. */
    static JsonNode outcome(CompileResult rules, StoredLead l, JsonNode crm, Clock clock) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (rules.program().orElseThrow().flow(l.flow()).isEmpty()) return o.put("error", "no flow \"" + l.flow() + "\"");
        try {
            ObjectNode e = Explainer.explain(rules, l.flow(), l.body(), crm, clock).json();
            if (!e.path("dropped").isNull()) return o.put("dropped", e.path("dropped").asText());
            o.set("effects", e.path("effects"));
            return o;
        } catch (IllegalArgumentException | RuleException ex) {
            return o.put("error", ex.getMessage());
        }
    }

    /** The CRM state the lead's own run found: the contact and deal of its trace's {@code find} step, or null (nothing found). */
    static JsonNode crmSeen(JsonNode trace) {
        if (trace == null) return null;
        for (JsonNode s : trace.path("steps")) {
            if (!"find".equals(s.path("kind").asText())) continue;
            JsonNode c = s.path("data").path("contact");
            JsonNode d = s.path("data").path("deal");
            if (!c.isObject() && !d.isObject()) return null;
            ObjectNode crm = JsonNodeFactory.instance.objectNode();
            ArrayNode cs = crm.putArray("contacts");
            ArrayNode ds = crm.putArray("deals");
            if (c.isObject()) cs.add(withoutNulls(c));
            if (d.isObject()) ds.add(withoutNulls(d));
            return crm;
        }
        return null;
    }

    private static JsonNode withoutNulls(JsonNode n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isNull()) o.set(e.getKey(), e.getValue());
        }
        return o;
    }

    /** The group a change falls in, or null when before and after are the same. */
    static String group(JsonNode before, JsonNode after) {
        if (before.equals(after)) return null;
        String sb = signature(before);
        String sa = signature(after);
        if (!sb.equals(sa)) return sb + " → " + sa;
        Set<String> fields = new TreeSet<>();
        JsonNode eb = before.path("effects");
        JsonNode ea = after.path("effects");
        for (int i = 0; i < eb.size(); i++) {
            JsonNode x = eb.get(i);
            JsonNode y = ea.get(i);
            String entity = entity(x.path("effect").asText());
            Set<String> keys = new TreeSet<>();
            x.fieldNames().forEachRemaining(keys::add);
            y.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (k.equals("fields")) {
                    Set<String> fs = new TreeSet<>();
                    x.path("fields").fieldNames().forEachRemaining(fs::add);
                    y.path("fields").fieldNames().forEachRemaining(fs::add);
                    for (String f : fs) if (!Objects.equals(x.path("fields").get(f), y.path("fields").get(f))) fields.add(entity + "." + f);
                } else if (!Objects.equals(x.get(k), y.get(k))) {
                    fields.add(entity + " " + k);
                }
            }
        }
        return fields.isEmpty() ? "changed" : "changed " + String.join(", ", fields);
    }

    private static String entity(String effect) {
        int sp = effect.lastIndexOf(' ');
        return sp < 0 ? effect : effect.substring(sp + 1);
    }

    private static String signature(JsonNode outcome) {
        if (outcome.has("error")) return "error";
        if (outcome.has("dropped")) return "dropped (\"" + outcome.path("dropped").asText() + "\")";
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : outcome.path("effects")) kinds.add(e.path("effect").asText());
        return kinds.isEmpty() ? "no effect" : String.join(", ", kinds);
    }
}
