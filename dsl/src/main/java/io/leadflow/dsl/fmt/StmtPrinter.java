package io.leadflow.dsl.fmt;

import static io.leadflow.dsl.fmt.ExprPrinter.print;
import static io.leadflow.dsl.fmt.FilePrinter.q;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.parse.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Flow statements: one per line, mapping blocks with aligned arrows, runs of rules with aligned {@code ->}. */
final class StmtPrinter {
    private final Out out;

    StmtPrinter(Out out) {
        this.out = out;
    }

    void flowBody(List<FlowStmt> body, String indent) {
        for (int i = 0; i < body.size(); i++) {
            FlowStmt s = body.get(i);
            if (isRule(s)) {
                int j = i;
                while (j < body.size() && isRule(body.get(j))) j++;
                rules(body.subList(i, j), indent, body, i);
                i = j - 1;
                continue;
            }
            out.before(s.span().line(), indent);
            if (s instanceof MappingStmt m) block(m, indent, body, i);
            else out.line(indent + simple(s), s.span().endLine(), Out.limit(body, i + 1, s.span().endLine()));
        }
    }

    private static boolean isRule(FlowStmt s) {
        return s instanceof WhenStmt || s instanceof OtherwiseStmt;
    }

    private void rules(List<FlowStmt> run, String indent, List<FlowStmt> body, int after) {
        List<String> heads = new ArrayList<>();
        for (FlowStmt s : run) heads.add(s instanceof WhenStmt w ? "when " + print(w.condition()) : "otherwise");
        int width = heads.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < run.size(); i++) {
            FlowStmt s = run.get(i);
            out.before(s.span().line(), indent);
            List<Action> actions = s instanceof WhenStmt w ? w.actions() : ((OtherwiseStmt) s).actions();
            var assignee = s instanceof WhenStmt w ? w.assignee() : ((OtherwiseStmt) s).assignee();
            String head = String.format("%-" + width + "s", heads.get(i));
            out.line(indent + head + " -> " + actions.stream().map(StmtPrinter::action).collect(Collectors.joining(", "))
                    + assignee.map(a -> " for " + print(a)).orElse(""), s.span().endLine(), Out.limit(body, after + i + 1, s.span().endLine()));
        }
    }

    private void block(MappingStmt m, String indent, List<FlowStmt> body, int index) {
        String mode = m.mode().map(x -> " update " + x.name().toLowerCase(Locale.ROOT)).orElse("");
        String head = m instanceof ListBlockStmt l ? m.entity() + " from " + print(l.source()) + " as " + l.var() : m.entity();
        if (m.fields().isEmpty()) {
            out.line(indent + head + mode + " { }", m.span().endLine(), Out.limit(body, index + 1, m.span().endLine()));
            return;
        }
        List<AssignStmt> fields = m.fields();
        out.line(indent + head + mode + " {", m.span().line(), Out.limit(fields, 0, m.span().line()));
        int width = fields.stream().mapToInt(a -> a.field().length()).max().orElse(0);
        for (int i = 0; i < fields.size(); i++) {
            AssignStmt a = fields.get(i);
            out.before(a.span().line(), indent + "  ");
            out.line(indent + "  " + String.format("%-" + width + "s", a.field()) + " <- " + print(a.value())
                    + (a.ifEmpty() ? " if empty" : ""), a.span().endLine(), Out.limit(fields, i + 1, a.span().endLine()));
        }
        out.before(m.span().endLine(), indent + "  ");
        out.line(indent + "}", m.span().endLine(), Out.limit(body, index + 1, m.span().endLine()));
    }

    /** A statement that fits on one line (also top-level lets and managers). */
    static String simple(FlowStmt s) {
        if (s instanceof FromStmt f) return "from " + f.source() + argList(f.args());
        if (s instanceof ToStmt t) return "to " + t.connector() + argList(t.args());
        if (s instanceof DelayStmt d) return "delay " + Durations.format(d.delay());
        if (s instanceof FieldsStmt f) return "fields " + String.join(", ", f.names());
        if (s instanceof DedupeStmt d) return "dedupe by " + print(d.key()) + d.window().map(w -> " within " + Durations.format(w)).orElse("");
        if (s instanceof PhoneStmt p) {
            return "phone " + print(p.source()) + p.region().map(r -> " as " + r).orElse("")
                    + p.digits().map(n -> " digits " + n).orElse("") + (p.mobileOnly() ? " mobile" : "");
        }
        if (s instanceof LetDecl l) return "let " + l.name() + " = " + print(l.value());
        if (s instanceof ManagersDecl m) {
            return "managers " + m.name() + " = " + m.strategy() + " [" + m.entries().stream()
                    .map(e -> print(e.manager()) + e.weight().map(w -> ": " + w.toPlainString()).orElse(""))
                    .collect(Collectors.joining(", ")) + "]" + m.except().map(x -> " except when " + print(x)).orElse("");
        }
        if (s instanceof DropStmt d) return "drop when " + print(d.condition()) + " " + q(d.reason());
        if (s instanceof KeepStmt k) return "keep when " + print(k.condition()) + " " + q(k.reason());
        if (s instanceof FindStmt f) return "find " + f.target() + " by " + String.join(", ", f.keys());
        if (s instanceof MarkerStmt m) return "marker " + m.field();
        if (s instanceof UpdateModeStmt u) return "update " + u.mode().name().toLowerCase(Locale.ROOT);
        throw new IllegalArgumentException("not a one-line statement: " + s.getClass().getSimpleName());
    }

    private static String argList(List<Arg> args) {
        return args.isEmpty() ? "" : "(" + ExprPrinter.args(args, false) + ")";
    }

    static String action(Action a) {
        if (a instanceof CreateAction c) return "create " + c.entity();
        if (a instanceof UpdateAction u) return "update " + u.entity();
        if (a instanceof SkipAction s) return "skip " + q(s.reason());
        return "task";
    }
}
