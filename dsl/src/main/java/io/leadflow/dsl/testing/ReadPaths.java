package io.leadflow.dsl.testing;

import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.FieldsStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.ListBlockStmt;
import io.leadflow.dsl.ast.MemberExpr;
import io.leadflow.dsl.ast.NameExpr;
import io.leadflow.dsl.ast.PhoneStmt;
import io.leadflow.dsl.compile.NameCheck;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of the lead a flow reads, as a tree: {@code lead.analytics.utm_source} and, inside
 * {@code products from lead.products as item}, {@code item.article} under {@code lead.products[]}.
 * The generator fills these when the source's payload schema is open (site forms) or says nothing
 * of a part (Horoshop's product items). Also which path the flow reads its phone from.
 */
final class ReadPaths {
    /** One member read; {@code items} holds what is read of each element when it is used as a list. */
    static final class Node {
        final Map<String, Node> members = new LinkedHashMap<>();
        Node items;

        Node member(String name) {
            return members.computeIfAbsent(name, k -> new Node());
        }

        boolean leaf() {
            return members.isEmpty() && items == null;
        }
    }

    final Node lead = new Node();
    /** The member path of {@code phone lead.…}, or empty. */
    List<String> phonePath = List.of();

    static ReadPaths of(FlowDecl flow) {
        ReadPaths r = new ReadPaths();
        Map<String, Node> vars = new LinkedHashMap<>();
        vars.put("lead", r.lead);
        // List blocks first, so an item variable is known when its fields are read.
        for (ListBlockStmt b : flow.all(ListBlockStmt.class)) {
            Node list = r.node(b.source(), vars);
            if (list != null) {
                if (list.items == null) list.items = new Node();
                vars.put(b.var(), list.items);
            }
        }
        for (FieldsStmt f : flow.all(FieldsStmt.class)) for (String n : f.names()) r.lead.member(n);
        r.walk(flow, vars);
        flow.all(PhoneStmt.class).stream().findFirst().ifPresent(p -> r.phonePath = path(p.source()).orElse(List.of()));
        return r;
    }

    /** Every expression anywhere under a node (records of the AST, their lists and optionals). */
    private void walk(Object n, Map<String, Node> vars) {
        if (n instanceof Expr e) {
            if (node(e, vars) == null) NameCheck.children(e, x -> walk(x, vars));
            return;
        }
        if (n instanceof Collection<?> c) {
            for (Object o : c) walk(o, vars);
            return;
        }
        if (n instanceof Optional<?> o) {
            o.ifPresent(x -> walk(x, vars));
            return;
        }
        if (n instanceof Record rec) {
            for (RecordComponent rc : rec.getClass().getRecordComponents()) {
                try {
                    walk(rc.getAccessor().invoke(rec), vars);
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    /** The tree node a path expression reads ({@code lead.a.b}, {@code item.x}), creating it; null for other expressions. */
    private Node node(Expr e, Map<String, Node> vars) {
        if (e instanceof NameExpr n) return vars.get(n.name());
        if (e instanceof MemberExpr m) {
            Node parent = node(m.target(), vars);
            return parent == null ? null : parent.member(m.name());
        }
        return null;
    }

    /** {@code lead.a.b} as [a, b]; empty when the expression is not a plain path into the lead. */
    static Optional<List<String>> path(Expr e) {
        List<String> names = new ArrayList<>();
        Expr x = e;
        while (x instanceof MemberExpr m) {
            names.add(0, m.name());
            x = m.target();
        }
        return x instanceof NameExpr n && n.name().equals("lead") && !names.isEmpty() ? Optional.of(List.copyOf(names)) : Optional.empty();
    }
}
