package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.LetDecl;
import io.leadflow.dsl.ast.ListBlockStmt;
import io.leadflow.dsl.ast.Node;
import io.leadflow.spi.ConnectorDescriptor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flow while it compiles: its declaration, the file's scope, and the slots of per-lead
 * values. Mutable during compilation only; phases fill it in order.
 */
public final class FlowUnit {
    private final FlowDecl decl;
    private final String file;
    private final Scope fileScope;
    private final Map<Node, Integer> slots = new IdentityHashMap<>();
    private final List<String> slotNames = new ArrayList<>();
    private ConnectorDescriptor connector;

    public FlowUnit(FlowDecl decl, String file, Scope fileScope) {
        this.decl = decl;
        this.file = file;
        this.fileScope = fileScope;
    }

    public FlowDecl decl() {
        return decl;
    }

    public String file() {
        return file;
    }

    /** Globals of the file plus {@code lead}. */
    public Scope fileScope() {
        return fileScope;
    }

    /** The slot holding the value of a node (a flow let, the phone, a loop variable), allocated on first ask. */
    public int slot(Node owner, String name) {
        return slots.computeIfAbsent(owner, k -> {
            slotNames.add(name);
            return slotNames.size() - 1;
        });
    }

    public int slotCount() {
        return slotNames.size();
    }

    /** The scope inside the flow after its lets, phone and (for a list block) loop variable. */
    public Scope scopeFor(ListBlockStmt block) {
        Scope s = flowScope();
        return block == null ? s : s.with(new Symbol(Symbol.Kind.SLOT, block.var(), block, slot(block, block.var())));
    }

    /** Every flow let and the phone: what filters and mapping blocks see. */
    public Scope flowScope() {
        return scopeBefore(null);
    }

    /** The lets and phone declared before {@code stop} (all of them when null): what a let sees. */
    public Scope scopeBefore(Node stop) {
        Scope s = fileScope;
        for (var stmt : decl.body()) {
            if (stmt == stop) break;
            if (stmt instanceof io.leadflow.dsl.ast.PhoneStmt p) s = s.with(new Symbol(Symbol.Kind.SLOT, "phone", p, slot(p, "phone")));
            if (stmt instanceof LetDecl l) s = s.with(new Symbol(Symbol.Kind.SLOT, l.name(), l, slot(l, l.name())));
        }
        return s;
    }

    public ConnectorDescriptor connector() {
        return connector;
    }

    public void connector(ConnectorDescriptor d) {
        this.connector = d;
    }
}
