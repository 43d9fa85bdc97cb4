package io.leadflow.dsl.decide;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.ast.Action;
import io.leadflow.dsl.ast.CreateAction;
import io.leadflow.dsl.ast.TaskAction;
import io.leadflow.dsl.ast.UpdateAction;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import java.util.List;
import java.util.Optional;

/** Every action names an entity the language knows and the target connector can act on (KeyCRM has no tasks). */
final class ActionChecks {
    private static final List<String> ENTITIES = List.of("contact", "deal", "order");

    private ActionChecks() { }

    /** The entity of a create/update action (contact or deal), or empty after reporting it. */
    static Optional<EntityKind> entity(String written, Action a, Sink sink) {
        Optional<EntityKind> k = EntityKind.fromBlockName(written).filter(x -> x == EntityKind.CONTACT || x == EntityKind.DEAL);
        if (k.isEmpty()) sink.error(DiagnosticCode.LF514, "cannot create or update '" + written + "' (contact, deal/order)" + Suggest.hint(written, ENTITIES), a.span());
        return k;
    }

    static void check(Action a, ConnectorDescriptor target, Sink sink) {
        Capability need = null;
        String what = null;
        if (a instanceof CreateAction c) {
            Optional<EntityKind> k = entity(c.entity(), a, sink);
            if (k.isEmpty()) return;
            need = k.get() == EntityKind.CONTACT ? Capability.CREATE_CONTACT : Capability.CREATE_DEAL;
            what = "create " + c.entity();
        } else if (a instanceof UpdateAction u) {
            Optional<EntityKind> k = entity(u.entity(), a, sink);
            if (k.isEmpty()) return;
            need = k.get() == EntityKind.CONTACT ? Capability.UPDATE_CONTACT : Capability.UPDATE_DEAL;
            what = "update " + u.entity();
        } else if (a instanceof TaskAction) {
            need = Capability.CREATE_TASK;
            what = "create tasks";
        }
        if (need != null && target != null && !target.can(need)) {
            sink.error(DiagnosticCode.LF514, target.displayName() + " cannot " + what + " (its connector lacks " + need + ")", a.span());
        }
    }
}
