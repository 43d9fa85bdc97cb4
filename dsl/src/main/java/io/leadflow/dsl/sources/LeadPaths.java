package io.leadflow.dsl.sources;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.compile.NameCheck;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.source.Confidence;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks every path into the lead ({@code lead.analytics.utm_source}, {@code item.article} in
 * {@code products from lead.products as item}, a let holding part of the lead) against the
 * source's payload schema. A path into an open part of the schema is not checked further.
 * One instance per flow; each node is judged once, so a chain reports only its first unknown member.
 */
final class LeadPaths {
    /** The shape a value has when it is a part of the lead; {@code path} is how the rule file wrote it. */
    private record Shape(PayloadField field, String path) { }

    private static final Shape NOT_LEAD = new Shape(null, null);

    private final PayloadField root;
    private final String sourceName;
    private final Function<Node, Scope> scopeOfDecl;
    private final Diagnostics sink;
    private final Map<Expr, Shape> judged = new IdentityHashMap<>();

    /**
     * @param scopeOfDecl the scope a let's value or a list block's list is read in (to follow a name to the lead)
     */
    LeadPaths(PayloadSchema payload, String sourceName, Function<Node, Scope> scopeOfDecl, Diagnostics sink) {
        this.root = new PayloadField("lead", FieldType.OBJECT, Confidence.CONFIRMED, payload);
        this.sourceName = sourceName;
        this.scopeOfDecl = scopeOfDecl;
        this.sink = sink;
    }

    /** Judges every path in {@code e}. */
    void check(Expr e, Scope scope) {
        shape(e, scope);
        NameCheck.children(e, x -> check(x, scope));
    }

    private Shape shape(Expr e, Scope scope) {
        Shape done = judged.get(e);
        if (done != null) return done;
        Shape s = judge(e, scope);
        judged.put(e, s);
        return s;
    }

    private Shape judge(Expr e, Scope scope) {
        if (e instanceof NameExpr n) return name(n, scope);
        if (e instanceof MemberExpr m) return member(shape(m.target(), scope), m.name(), m);
        if (e instanceof IndexExpr i) {
            Shape t = shape(i.target(), scope);
            if (t.field() == null) return NOT_LEAD;
            if (i.index() instanceof StringExpr key) return member(t, key.value(), i);
            if (i.index() instanceof NumberExpr && t.field().type() == FieldType.LIST) return item(t, t.path() + "[…]");
        }
        return NOT_LEAD;
    }

    private Shape name(NameExpr n, Scope scope) {
        var sym = scope.find(n.name());
        if (sym.isEmpty()) return NOT_LEAD;
        Symbol s = sym.get();
        if (s.kind() == Symbol.Kind.LEAD) return new Shape(root, "lead");
        if (s.kind() != Symbol.Kind.SLOT) return NOT_LEAD;
        if (s.decl() instanceof LetDecl l) {
            Shape v = shape(l.value(), scopeOfDecl.apply(l));
            return v.field() == null ? NOT_LEAD : new Shape(v.field(), n.name());
        }
        if (s.decl() instanceof ListBlockStmt l) {
            Shape list = shape(l.source(), scopeOfDecl.apply(l));
            return list.field() != null && list.field().type() == FieldType.LIST ? item(list, l.var()) : NOT_LEAD;
        }
        return NOT_LEAD;
    }

    private static Shape item(Shape list, String path) {
        PayloadField f = list.field();
        return new Shape(new PayloadField(path, FieldType.OBJECT, f.confidence(), f.nested()), path);
    }

    private Shape member(Shape target, String name, Expr at) {
        PayloadField t = target.field();
        if (t == null || t.type() != FieldType.OBJECT && t.type() != FieldType.ANY) return NOT_LEAD;
        PayloadSchema members = t.nested();
        if (members.open()) return NOT_LEAD;
        var f = members.field(name);
        if (f.isPresent()) return new Shape(f.get(), target.path() + "." + name);
        String where = target.field() == root ? "the lead of " + sourceName : "'" + target.path() + "' (" + sourceName + ")";
        sink.error(DiagnosticCode.LF411, "'" + target.path() + "." + name + "': " + where + " has no field '" + name + "'"
                + Suggest.hint(name, members.fields().keySet())
                + (target.field() == root ? " (a field the sender adds is declared with `fields " + name + "`)" : ""), at.span());
        return NOT_LEAD;
    }
}
