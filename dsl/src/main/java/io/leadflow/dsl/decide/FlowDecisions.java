package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Trace;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.exec.DecisionPlan;
import io.leadflow.dsl.exec.FlowProgram;
import io.leadflow.dsl.exec.LeadEvaluation;
import io.leadflow.dsl.exec.PhoneValue;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One flow's decisions, compiled: builds the lookup after the filters, then binds what was
 * found, tries the rules in order (the first true one decides) and turns its actions into
 * effects. Immutable; everything per lead lives in the lead's {@link Env}.
 */
public final class FlowDecisions implements DecisionPlan {
    private final CompiledRule[] rules;
    private final LookupPlan lookup;
    private final DecisionScope scope;
    /** Only collections with {@code except when} read {@code now}; others skip formatting the clock. */
    private final boolean readsNow;

    FlowDecisions(List<CompiledRule> rules, LookupPlan lookup, DecisionScope scope) {
        this.rules = rules.toArray(CompiledRule[]::new);
        this.lookup = lookup;
        this.scope = scope;
        this.readsNow = rules.stream().anyMatch(r -> r.assignee() instanceof Assignee.FromCollection c && c.except() != null);
    }

    @Override
    public Optional<LookupRequest> lookup(Env env, FlowProgram flow) {
        if (lookup == null) return Optional.empty();
        return lookup.request(flow.contactKey().phone(env), flow.contactKey().email(env));
    }

    @Override
    public Decision decide(LeadEvaluation ev, Found found, ManagerState managers, Clock clock) {
        List<Trace.Step> steps = new ArrayList<>();
        int phoneSlot = ev.flow().contactKey().phoneSlot();
        if (phoneSlot >= 0) steps.add(phoneStep(ev.env().slot(phoneSlot)));
        steps.addAll(ev.trace().steps());
        if (ev.dropReason().isPresent()) return new Decision(List.of(), managers, new Trace(steps), ev.dropReason());
        Env env = ev.env();
        Found f = found == null ? Found.NOTHING : found;
        FoundContact contact = f.contact().orElse(null);
        FoundDeal deal = contact == null ? null : f.newestDeal().orElse(null);
        JsonNode contactView = RecordViews.contact(contact);
        JsonNode dealView = RecordViews.deal(deal);
        env.set(scope.contactSlot(), contactView);
        env.set(scope.dealSlot(), dealView);
        if (readsNow) env.set(scope.nowSlot(), Values.text(Instant.now(clock).toString()));
        if (lookup != null) steps.add(findStep(ev, contact, deal, contactView, dealView));
        try {
            for (CompiledRule r : rules) {
                boolean matched = r.condition() == null || Values.truthy(r.condition().eval(env));
                steps.add(ruleStep(r, matched, env));
                if (matched) {
                    EffectBuilder b = new EffectBuilder(ev.flow(), env, contact, deal, managers, scope, steps);
                    b.run(r);
                    return new Decision(b.effects(), b.managers(), new Trace(steps), Optional.empty());
                }
            }
        } catch (RuleException e) {
            throw e.in(ev.flow().name(), env.lead());
        }
        steps.add(new Trace.Step("rule", "no rule matched: nothing is done", "", Values.NODES.objectNode()));
        return new Decision(List.of(), managers, new Trace(steps), Optional.empty());
    }

    private static Trace.Step phoneStep(JsonNode v) {
        ObjectNode data = Values.NODES.objectNode();
        if (!(v instanceof PhoneValue p)) return new Trace.Step("normalise", "phone: none given", "", data);
        data.put("raw", Values.asText(p.member("raw"))).put("valid", p.valid()).put("e164", p.valid() ? p.textValue() : null);
        return new Trace.Step("normalise", "phone " + brief(p.member("raw")) + (p.valid() ? " → " + p.textValue() : " is not valid"), "", data);
    }

    private Trace.Step findStep(LeadEvaluation ev, FoundContact c, FoundDeal d, JsonNode contactView, JsonNode dealView) {
        ObjectNode data = Values.NODES.objectNode();
        ev.lookup().ifPresent(l -> {
            var keys = data.putArray("keys");
            l.keys().forEach(k -> keys.addObject().put("by", k.kind().name().toLowerCase(java.util.Locale.ROOT)).put("value", k.value()));
        });
        data.set("contact", contactView);
        data.set("deal", dealView);
        String detail = ev.lookup().isEmpty() ? "nothing to look up (no valid phone or email): a new contact"
                : c == null ? "no contact found"
                : "contact " + c.id() + " found" + (d == null ? ", no deals"
                : "; newest deal " + d.id() + " is " + d.group().name().toLowerCase(java.util.Locale.ROOT) + (d.marked() ? ", marked" : ", not marked"));
        return new Trace.Step("find", detail, "", data);
    }

    private static Trace.Step ruleStep(CompiledRule r, boolean matched, Env env) {
        ObjectNode data = Values.NODES.objectNode().put("matched", matched);
        StringBuilder why = new StringBuilder();
        if (!matched && !r.atoms().isEmpty()) {
            ObjectNode atoms = data.putObject("atoms");
            for (CompiledRule.Atom a : r.atoms()) {
                JsonNode v = a.value().eval(env);
                atoms.set(a.text(), v == null ? Values.NODES.nullNode() : v);
                why.append(why.length() == 0 ? ": " : ", ").append(a.text()).append(" = ").append(brief(v));
            }
        }
        String head = r.condition() == null ? r.text() : "when " + r.text();
        return new Trace.Step("rule", head + (matched ? " → matched" : " → no" + why), r.at(), data);
    }

    /** A value as one short line: objects by their id. */
    static String brief(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isObject()) return v.has("id") ? "{id " + Values.asText(v.get("id")) + "}" : "{…}";
        String s = v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
