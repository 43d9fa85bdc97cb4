package io.leadflow.dsl.decide;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.ManagersDecl;
import io.leadflow.dsl.ast.Node;
import io.leadflow.dsl.compile.FlowUnit;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;

/**
 * The names the decisions of one flow add: {@code contact} and {@code deal} (the found records)
 * for rules and assignees (the same slots mapping blocks read, see {@link FlowUnit#found}),
 * {@code manager} and {@code now} inside {@code except when}. Each is a slot of the flow's per-lead
 * environment, filled by {@link FlowDecisions#decide}.
 */
public final class DecisionScope {
    /** A slot owner that is not a statement of the flow (slots are keyed by node identity). */
    record SlotOwner(String name, SourceSpan span) implements Node { }

    private final FlowUnit unit;
    private final Symbol contact;
    private final Symbol deal;
    private final Symbol manager;
    private final Symbol now;

    public DecisionScope(FlowUnit unit) {
        this.unit = unit;
        SourceSpan at = unit.decl().span();
        this.contact = unit.found("contact");
        this.deal = unit.found("deal");
        this.manager = slot("manager", at);
        this.now = slot("now", at);
    }

    private Symbol slot(String name, SourceSpan at) {
        SlotOwner owner = new SlotOwner(name, at);
        return new Symbol(Symbol.Kind.SLOT, name, owner, unit.slot(owner, name));
    }

    public FlowUnit unit() {
        return unit;
    }

    /** What {@code when} conditions and {@code for} assignees see: the flow's names plus the found records. */
    public Scope rules() {
        return unit.flowScope().with(contact).with(deal);
    }

    /** What a collection's {@code except when} sees: its declaration's names plus {@code manager} and {@code now}. */
    public Scope except(ManagersDecl decl, Scope declared) {
        return declared.with(manager).with(now);
    }

    public int contactSlot() {
        return contact.slot();
    }

    public int dealSlot() {
        return deal.slot();
    }

    public int managerSlot() {
        return manager.slot();
    }

    public int nowSlot() {
        return now.slot();
    }
}
