package io.leadflow.dsl.decide;

import io.leadflow.dsl.ast.Action;
import io.leadflow.dsl.ast.AssignStmt;
import io.leadflow.dsl.ast.CreateAction;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.ListBlockStmt;
import io.leadflow.dsl.ast.MappingStmt;
import io.leadflow.dsl.ast.SkipAction;
import io.leadflow.dsl.ast.TaskAction;
import io.leadflow.dsl.ast.UpdateAction;
import io.leadflow.dsl.ast.UpdateMode;
import io.leadflow.spi.EntityKind;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One action of a rule, compiled: what {@link EffectBuilder} adds to the decision when the rule
 * matches. Everything the action needs from the rule file is resolved here, once (the update
 * mode of the block it writes, its fill-only fields); no syntax tree is kept, only the action's
 * position for the trace.
 */
sealed interface ActionStep {

    /** The action's position, {@code file:line:col}. */
    String at();

    /** Whether the action picks a manager (creates and tasks do). */
    default boolean assigns() {
        return this instanceof CreateContact || this instanceof CreateDeal || this instanceof Task;
    }

    record Skip(String reason, String at) implements ActionStep { }

    record CreateContact(String at) implements ActionStep { }

    record CreateDeal(String at) implements ActionStep { }

    /**
     * {@code update contact} or {@code update deal}: {@code onlyEmpty} when the block writes in mode
     * {@code update empty}; {@code ifEmpty} the fields marked to fill only an empty value.
     */
    record Update(boolean contact, boolean onlyEmpty, Set<String> ifEmpty, String at) implements ActionStep {
        public Update {
            ifEmpty = Set.copyOf(ifEmpty);
        }

        String entity() {
            return contact ? "contact" : "deal";
        }
    }

    record Task(String at) implements ActionStep { }

    static ActionStep of(Action a, FlowDecl flow) {
        String at = a.span().at();
        if (a instanceof SkipAction s) return new Skip(s.reason(), at);
        if (a instanceof CreateAction c) return isContact(c.entity()) ? new CreateContact(at) : new CreateDeal(at);
        if (a instanceof UpdateAction u) {
            boolean contact = isContact(u.entity());
            MappingStmt block = block(flow, contact ? EntityKind.CONTACT : EntityKind.DEAL);
            if (block == null) return new Update(contact, false, Set.of(), at);
            Set<String> ifEmpty = block.fields().stream().filter(AssignStmt::ifEmpty).map(AssignStmt::field).collect(Collectors.toSet());
            return new Update(contact, flow.updateMode(block) == UpdateMode.EMPTY, ifEmpty, at);
        }
        if (a instanceof TaskAction) return new Task(at);
        throw new IllegalArgumentException("no step for action " + a);
    }

    private static boolean isContact(String entity) {
        return EntityKind.fromBlockName(entity).filter(k -> k == EntityKind.CONTACT).isPresent();
    }

    /** The entity's block (not a per-item one), as the effect's payload reads it. */
    private static MappingStmt block(FlowDecl flow, EntityKind kind) {
        for (MappingStmt m : flow.all(MappingStmt.class)) {
            if (!(m instanceof ListBlockStmt) && EntityKind.fromBlockName(m.entity()).orElse(null) == kind) return m;
        }
        return null;
    }
}
