package io.leadflow.dsl.compile;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.FindStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.LetDecl;
import io.leadflow.dsl.ast.ListBlockStmt;
import io.leadflow.dsl.ast.Node;
import io.leadflow.dsl.ast.PhoneStmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flow while it compiles: its declaration, the file's scope, and the slots of per-lead
 * values. Its slots are allocated as scopes are built; nothing else changes after resolve-names.
 */
public final class FlowUnit {
    private final FlowDecl decl;
    private final String file;
    private final Scope fileScope;
    private final Map<Node, Integer> slots = new IdentityHashMap<>();
    private final List<String> slotNames = new ArrayList<>();
    private final Map<String, Symbol> found = new java.util.HashMap<>();

    /** The owner of a found record's slot (slots are keyed by node identity). */
    private record FoundSlot(String name, SourceSpan span) implements Node { }

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

    /**
     * What a mapping block sees: every flow let, the phone, the loop variable of a list block, and
     * the found {@code contact} and {@code deal} (null when nothing was found) when the flow has a
     * {@code find}.
     */
    public Scope scopeFor(ListBlockStmt block) {
        Scope s = flowScope();
        if (decl.all(FindStmt.class).isEmpty()) {
            for (String r : FOUND) {
                s = s.unavailable(r, "'" + r + "' is the record `find` looks up, and this flow has no find"
                        + " (add e.g. find contact by phone, email)");
            }
        } else {
            for (String r : FOUND) s = s.with(found(r));
        }
        return block == null ? s : s.with(new Symbol(Symbol.Kind.SLOT, block.var(), block, slot(block, block.var())));
    }

    /** The names of the found records. */
    public static final List<String> FOUND = List.of("contact", "deal");

    /** The slot symbol of a found record ({@code contact} or {@code deal}), filled when the flow decides. */
    public Symbol found(String name) {
        return found.computeIfAbsent(name, n -> {
            FoundSlot owner = new FoundSlot(n, decl.span());
            return new Symbol(Symbol.Kind.SLOT, n, owner, slot(owner, n));
        });
    }

    /** Every flow let and the phone: what manager exclusions see. */
    public Scope flowScope() {
        return scopeBefore(null);
    }

    /** What filters see: the flow's lets and phone; the found records are not known yet. */
    public Scope filterScope() {
        Scope s = flowScope();
        for (String r : FOUND) s = s.unavailable(r, "filters run before find, so '" + r + "' is not known yet; test it in a when rule");
        return s;
    }

    /** The lets and phone declared before {@code stop} (all of them when null): what a let sees. */
    public Scope scopeBefore(Node stop) {
        Scope s = fileScope;
        for (var stmt : decl.body()) {
            if (stmt == stop) break;
            if (stmt instanceof PhoneStmt p) s = s.with(new Symbol(Symbol.Kind.SLOT, "phone", p, slot(p, "phone")));
            if (stmt instanceof LetDecl l) s = s.with(new Symbol(Symbol.Kind.SLOT, l.name(), l, slot(l, l.name())));
        }
        if (stop == null) return s;
        for (String r : FOUND) s = s.unavailable(r, "lets and the phone are computed before find, so '" + r + "' is not known yet");
        return s;
    }
}
