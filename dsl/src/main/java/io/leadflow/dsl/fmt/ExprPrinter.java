package io.leadflow.dsl.fmt;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.parse.StringLiterals;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

/** Expressions back to source text, with the fewest parentheses that keep the same tree. */
final class ExprPrinter {
    private static final int NOT = 3;
    private static final int UNARY = 9;
    private static final int POSTFIX = 10;
    /** Words that are keywords everywhere, so an object key spelled like one must be quoted. */
    private static final Set<String> RESERVED = Set.of("flow", "when", "otherwise", "if", "for", "and", "or", "not", "in",
            "true", "false", "null");

    private ExprPrinter() { }

    static String print(Expr e) {
        return print(e, 0, false, false);
    }

    /** @param inHole inside a template hole strings must be single-quoted and {@code "} escaped */
    static String print(Expr e, int parent, boolean right, boolean inHole) {
        if (e instanceof StringExpr s) return string(s.value(), inHole);
        if (e instanceof NumberExpr n) {
            String t = plain(n.value());
            return n.value().signum() < 0 && parent >= POSTFIX ? "(" + t + ")" : t;
        }
        if (e instanceof BoolExpr b) return String.valueOf(b.value());
        if (e instanceof NullExpr) return "null";
        if (e instanceof TemplateExpr t) return template(t);
        if (e instanceof NameExpr n) return n.name();
        if (e instanceof MemberExpr m) return print(m.target(), POSTFIX, false, inHole) + "." + m.name();
        if (e instanceof IndexExpr i) return print(i.target(), POSTFIX, false, inHole) + "[" + print(i.index(), 0, false, inHole) + "]";
        if (e instanceof CallExpr c) return c.name() + "(" + args(c.args(), inHole) + ")";
        if (e instanceof ListExpr l) {
            return "[" + l.items().stream().map(x -> print(x, 0, false, inHole)).collect(Collectors.joining(", ")) + "]";
        }
        if (e instanceof ObjectExpr o) return object(o, inHole);
        if (e instanceof NegExpr n) {
            String inner = print(n.operand(), UNARY, false, inHole);
            // "-5" or "-5.f" would read back as a negative literal: keep the operand apart
            if (!inner.isEmpty() && Character.isDigit(inner.charAt(0))) inner = "(" + inner + ")";
            return wrap("-" + inner, UNARY, parent, right);
        }
        if (e instanceof NotExpr n) return wrap("not " + print(n.operand(), NOT, false, inHole), NOT, parent, right);
        BinaryExpr b = (BinaryExpr) e;
        int p = b.op().precedence();
        return wrap(print(b.left(), p, false, inHole) + " " + b.op().symbol() + " " + print(b.right(), p, true, inHole), p, parent, right);
    }

    static String args(java.util.List<Arg> args, boolean inHole) {
        return args.stream().map(a -> a.name().map(n -> n + ": ").orElse("") + print(a.value(), 0, false, inHole))
                .collect(Collectors.joining(", "));
    }

    static String object(ObjectExpr o, boolean inHole) {
        if (o.fields().isEmpty()) return "{}";
        return "{ " + o.fields().stream().map(f -> key(f.key(), inHole) + ": " + print(f.value(), 0, false, inHole))
                .collect(Collectors.joining(", ")) + " }";
    }

    /** Lines longer than this are broken at object and list literals (test data, tables of objects). */
    static final int WIDTH = 100;

    /**
     * An object literal that starts at {@code column} on a line indented by {@code indent}: on one line
     * when it fits in {@link #WIDTH}, else one field per line, nested literals broken the same way.
     */
    static String object(ObjectExpr o, String indent, int column) {
        String flat = object(o, false);
        if (column + flat.length() <= WIDTH) return flat;
        String inner = indent + "  ";
        StringBuilder b = new StringBuilder("{\n");
        for (int i = 0; i < o.fields().size(); i++) {
            ObjectExpr.Field f = o.fields().get(i);
            String head = key(f.key(), false) + ": ";
            b.append(inner).append(head).append(broken(f.value(), inner, inner.length() + head.length()))
                    .append(i < o.fields().size() - 1 ? "," : "").append('\n');
        }
        return b.append(indent).append('}').toString();
    }

    private static String broken(Expr e, String indent, int column) {
        if (e instanceof ObjectExpr o) return object(o, indent, column);
        String flat = print(e);
        if (!(e instanceof ListExpr l) || l.items().isEmpty() || column + flat.length() <= WIDTH) return flat;
        String inner = indent + "  ";
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < l.items().size(); i++) {
            b.append(inner).append(broken(l.items().get(i), inner, inner.length()))
                    .append(i < l.items().size() - 1 ? "," : "").append('\n');
        }
        return b.append(indent).append(']').toString();
    }

    private static String key(String k, boolean inHole) {
        boolean ident = !k.isEmpty() && (Character.isLetter(k.codePointAt(0)) || k.charAt(0) == '_')
                && k.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') && !RESERVED.contains(k);
        return ident ? k : string(k, inHole);
    }

    private static String wrap(String s, int own, int parent, boolean right) {
        return own < parent || own == parent && right ? "(" + s + ")" : s;
    }

    static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    /** A string constant: double-quoted unless it holds braces or double quotes; single-quoted inside holes. */
    static String string(String v, boolean inHole) {
        if (inHole) return StringLiterals.quote(v, false).replace("\"", "\\\"");
        boolean single = v.indexOf('{') >= 0 || v.indexOf('}') >= 0 || v.indexOf('"') >= 0;
        return StringLiterals.quote(v, !single);
    }

    private static String template(TemplateExpr t) {
        StringBuilder b = new StringBuilder("\"");
        for (TemplateExpr.Part p : t.parts()) {
            if (p instanceof TemplateExpr.Text x) {
                String q = StringLiterals.quote(x.text(), true);
                b.append(q, 1, q.length() - 1);
            } else {
                b.append('{').append(print(((TemplateExpr.Hole) p).expr(), 0, false, true)).append('}');
            }
        }
        return b.append('"').toString();
    }
}
