package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.Action;
import io.leadflow.dsl.ast.CreateAction;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.MappingStmt;
import io.leadflow.dsl.ast.OtherwiseStmt;
import io.leadflow.dsl.ast.TaskAction;
import io.leadflow.dsl.ast.WhenStmt;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which entities a flow's decisions can create: required fields (LF404) only bind those. A flow
 * with rules creates what its {@code create …} and {@code task} actions name; a flow without rules
 * creates what it maps (the contact when mapped and possible, and the deal with its products).
 */
public final class CreatedEntities {
    private CreatedEntities() { }

    /** The entities some decision of {@code flow} creates; products go with the deal. */
    public static Set<EntityKind> of(FlowDecl flow, ConnectorDescriptor target) {
        List<Action> actions = new ArrayList<>();
        flow.all(WhenStmt.class).forEach(w -> actions.addAll(w.actions()));
        flow.all(OtherwiseStmt.class).forEach(o -> actions.addAll(o.actions()));
        boolean rules = !flow.all(WhenStmt.class).isEmpty() || !flow.all(OtherwiseStmt.class).isEmpty();
        Set<EntityKind> out = EnumSet.noneOf(EntityKind.class);
        for (Action a : rules ? actions : implicit(flow, target)) {
            if (a instanceof CreateAction c) EntityKind.fromBlockName(c.entity()).ifPresent(out::add);
            if (a instanceof TaskAction) out.add(EntityKind.TASK);
        }
        if (out.contains(EntityKind.DEAL)) out.add(EntityKind.PRODUCT);
        return out;
    }

    /**
     * The actions of a flow without rules: create the contact (when mapped and possible) and the
     * deal, unless the flow maps only a contact (a customer-only flow, seed 004: a deal with no
     * fields would be refused after the contact was written).
     */
    public static List<Action> implicit(FlowDecl flow, ConnectorDescriptor target) {
        List<Action> actions = new ArrayList<>();
        boolean contactBlock = mapsBlock(flow, EntityKind.CONTACT);
        if (contactBlock && (target == null || target.can(Capability.CREATE_CONTACT))) actions.add(new CreateAction("contact", flow.span()));
        if (!contactBlock || mapsBlock(flow, EntityKind.DEAL) || mapsBlock(flow, EntityKind.PRODUCT) || actions.isEmpty()) {
            actions.add(new CreateAction("deal", flow.span()));
        }
        return actions;
    }

    private static boolean mapsBlock(FlowDecl flow, EntityKind kind) {
        return flow.all(MappingStmt.class).stream().anyMatch(m -> EntityKind.fromBlockName(m.entity()).orElse(null) == kind);
    }
}
