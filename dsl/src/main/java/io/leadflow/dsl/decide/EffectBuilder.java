package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Trace;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.exec.CompiledBlock;
import io.leadflow.dsl.exec.CompiledField;
import io.leadflow.dsl.exec.FlowProgram;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.Skip;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions of the matched rule as effects, in the order written. A created contact is
 * referenced by the deal and task after it; updates carry only what {@link UpdateFilter} lets
 * through (nothing to send and nothing to mark: no effect); an update or task with no record
 * to act on is left out and the trace says so. Per lead, never shared.
 */
final class EffectBuilder {
    private final FlowProgram flow;
    private final Env env;
    private final FoundContact contact;
    private final FoundDeal deal;
    private final DecisionScope scope;
    private final List<Trace.Step> steps;
    private final List<Effect> effects = new ArrayList<>();
    private ManagerState managers;
    private RecordRef contactRef;
    private RecordRef dealRef;

    EffectBuilder(FlowProgram flow, Env env, FoundContact contact, FoundDeal deal, ManagerState managers, DecisionScope scope,
                  List<Trace.Step> steps) {
        this.flow = flow;
        this.env = env;
        this.contact = contact;
        this.deal = deal;
        this.managers = managers;
        this.scope = scope;
        this.steps = steps;
        this.contactRef = contact == null ? null : new RecordRef.Existing(contact.id());
        this.dealRef = deal == null ? null : new RecordRef.Existing(deal.id());
    }

    List<Effect> effects() {
        return effects;
    }

    ManagerState managers() {
        return managers;
    }

    void run(CompiledRule rule) {
        String manager = null;
        if (rule.actions().stream().anyMatch(ActionStep::assigns)) {
            ManagerChoice.Chosen c = ManagerChoice.choose(rule.assignee(), env, managers, scope, steps, rule);
            manager = c.manager();
            managers = c.state();
        }
        boolean mark = flow.marker() != null;
        for (ActionStep a : rule.actions()) {
            if (a instanceof ActionStep.Skip s) {
                add(new Skip(s.reason()), a);
            } else if (a instanceof ActionStep.CreateContact) {
                add(new CreateContact(payload("contact"), manager), a);
                contactRef = new RecordRef.Created(effects.size() - 1);
            } else if (a instanceof ActionStep.CreateDeal) {
                add(new CreateDeal(contactRef, payload("deal"), manager, mark), a);
                dealRef = new RecordRef.Created(effects.size() - 1);
            } else if (a instanceof ActionStep.Update u && u.contact()) {
                if (contact == null) note("update contact: no contact was found, nothing to update", a);
                else update(u, contact.fields(), false, fields -> new UpdateContact(contact.id(), fields));
            } else if (a instanceof ActionStep.Update u) {
                if (deal == null) note("update deal: no deal was found, nothing to update", a);
                else update(u, deal.fields(), mark, fields -> new UpdateDeal(deal.id(), fields, mark));
            } else if (a instanceof ActionStep.Task) {
                if (dealRef == null && contactRef == null) note("task: no deal or contact to attach it to", a);
                else add(new CreateTask(dealRef, contactRef, manager, payload("task")), a);
            }
        }
    }

    private void update(ActionStep.Update u, JsonNode existing, boolean mark, java.util.function.Function<ObjectNode, Effect> make) {
        ObjectNode send = UpdateFilter.apply(payload(u.entity()), existing, u.onlyEmpty(), u.ifEmpty());
        if (send.isEmpty() && !mark) {
            note("update " + u.entity() + ": every mapped field already has a value (update empty): nothing to send", u);
            return;
        }
        add(make.apply(send), u);
    }

    private CompiledBlock block(String entity) {
        for (CompiledBlock b : flow.blocks()) if (!b.perItem() && b.entity().equals(entity)) return b;
        return null;
    }

    /** The block's mapped fields (a deal also gets its products), each traced with its source line. */
    private ObjectNode payload(String entity) {
        ObjectNode out = Values.NODES.objectNode();
        CompiledBlock b = block(entity);
        if (b != null) {
            for (CompiledField f : b.fields()) {
                JsonNode v = f.value().eval(env);
                if (v == null) continue;
                out.set(f.name(), v);
                steps.add(new Trace.Step("field", entity + "." + f.name() + " = " + FlowDecisions.brief(v), f.span().at(),
                        Values.NODES.objectNode().put("entity", entity).put("field", f.name()).set("value", v)));
            }
        }
        if (entity.equals("deal")) {
            for (CompiledBlock p : flow.blocks()) {
                if (p.perItem()) {
                    ArrayNode items = p.items(env);
                    out.set("products", items);
                    steps.add(new Trace.Step("field", "deal.products = " + items.size() + " item(s)", p.span().at(),
                            Values.NODES.objectNode().put("entity", "deal").put("field", "products").set("value", items)));
                }
            }
        }
        return out;
    }

    private void add(Effect e, ActionStep from) {
        effects.add(e);
        steps.add(new Trace.Step("effect", "#" + (effects.size() - 1) + " " + e.describe(), from.at(), EffectJson.of(e)));
    }

    private void note(String what, ActionStep from) {
        steps.add(new Trace.Step("effect", what, from.at(), Values.NODES.objectNode()));
    }
}
