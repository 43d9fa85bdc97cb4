package io.leadflow.dsl.fmt;

import static io.leadflow.dsl.fmt.ExprPrinter.print;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.parse.Durations;
import io.leadflow.dsl.parse.StringLiterals;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a whole file: imports, then declarations, flows and tests in their canonical layout. */
final class FilePrinter {
    static final int WIDTH = 100;
    private final Out out;
    private final StmtPrinter stmts;

    FilePrinter(Out out) {
        this.out = out;
        this.stmts = new StmtPrinter(out);
    }

    void file(RuleFile f) {
        for (ImportDecl i : f.imports()) {
            out.before(i.span().line(), "");
            out.line("import " + q(i.path()), i.span().endLine());
        }
        if (!f.imports().isEmpty()) out.blank();
        boolean prevMultiline = false;
        for (int i = 0; i < f.decls().size(); i++) {
            TopDecl d = f.decls().get(i);
            boolean multiline = d instanceof FlowDecl || d instanceof TestDecl || d instanceof TableDecl t && tableLine(t).length() > WIDTH;
            if (i > 0 && (multiline || prevMultiline)) out.blank();
            out.before(d.span().line(), "");
            decl(d);
            prevMultiline = multiline;
        }
        out.rest();
    }

    private void decl(TopDecl d) {
        int end = d.span().endLine();
        if (d instanceof FlowDecl f) {
            out.line("flow " + q(f.name()) + " {", f.span().line(), Out.limit(f.body(), 0, f.span().line()));
            stmts.flowBody(f.body(), "  ");
            out.before(end, "  ");
            out.line("}", end);
        } else if (d instanceof TestDecl t) {
            out.line((t.property() ? "property " : "test ") + q(t.name()) + " {", t.span().line(), Out.limit(t.body(), 0, t.span().line()));
            for (int i = 0; i < t.body().size(); i++) {
                TestStmt s = t.body().get(i);
                out.before(s.span().line(), "  ");
                out.line("  " + TestPrinter.stmt(s), s.span().endLine(), Out.limit(t.body(), i + 1, s.span().endLine()));
            }
            out.before(end, "  ");
            out.line("}", end);
        } else if (d instanceof TableDecl t) {
            table(t);
        } else if (d instanceof LetDecl || d instanceof ManagersDecl) {
            out.line(StmtPrinter.simple((FlowStmt) d), end);
        } else if (d instanceof TemplateDecl t) {
            String params = t.params().isEmpty() ? "" : "(" + String.join(", ", t.params()) + ")";
            out.line("template " + t.name() + params + " = " + print(t.body()), end);
        } else if (d instanceof ScheduleDecl s) {
            out.line("schedule " + q(s.name()) + " every " + Durations.format(s.every())
                    + s.at().map(a -> " at " + q(a)).orElse("") + " { " + print(s.job()) + " }", end);
        }
    }

    private void table(TableDecl t) {
        String one = tableLine(t);
        if (one.length() <= WIDTH) {
            out.line(one, t.span().endLine());
            return;
        }
        out.line("table " + t.name() + " {", t.span().line(), Out.limit(t.entries(), 0, t.span().line()));
        for (int i = 0; i < t.entries().size(); i++) {
            TableEntry e = t.entries().get(i);
            out.before(e.span().line(), "  ");
            out.line("  " + entry(e) + ",", e.span().endLine(), Out.limit(t.entries(), i + 1, e.span().endLine()));
        }
        out.before(t.span().endLine(), "  ");
        out.line("}", t.span().endLine());
    }

    private static String tableLine(TableDecl t) {
        List<String> entries = t.entries().stream().map(FilePrinter::entry).toList();
        return entries.isEmpty() ? "table " + t.name() + " { }" : "table " + t.name() + " { " + String.join(", ", entries) + " }";
    }

    private static String entry(TableEntry e) {
        return e.key().map(k -> print(k)).orElse("default") + " -> " + print(e.value());
    }

    static String q(String s) {
        return StringLiterals.quote(s, true);
    }

    static String join(List<String> parts) {
        return parts.stream().collect(Collectors.joining(", "));
    }
}
