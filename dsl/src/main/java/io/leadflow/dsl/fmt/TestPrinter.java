package io.leadflow.dsl.fmt;

import static io.leadflow.dsl.fmt.ExprPrinter.print;
import static io.leadflow.dsl.fmt.FilePrinter.q;

import io.leadflow.dsl.ast.*;
import java.util.Locale;

/** The statements of {@code test} blocks, one per line. */
final class TestPrinter {
    private TestPrinter() { }

    static String stmt(TestStmt s) {
        if (s instanceof TestFlowStmt f) return "flow " + q(f.flow());
        if (s instanceof TestLeadStmt l) return withObject(l.keyword() + " ", l.value());
        if (s instanceof TestCrmStmt c) return withObject("crm " + c.entity() + " " + print(c.id()) + " ", c.value());
        if (s instanceof TestManagersStmt m) return withObject("managers " + m.collection() + " ", m.value());
        if (s instanceof TestNowStmt n) return "now " + q(n.instant());
        if (s instanceof TestCrmStatesStmt c) return "crm " + String.join(", ", c.states());
        if (s instanceof TestTriesStmt t) return "tries " + t.tries();
        return "expect " + expectation(((ExpectStmt) s).expectation());
    }

    private static String expectation(Expectation e) {
        if (e instanceof Expectation.None n) return "no " + verb(n.verb()) + n.target();
        if (e instanceof Expectation.Exact x) {
            String head = "expect exactly " + verb(x.verb()) + x.target();
            return x.fields().map(o -> withObject(head + " ", o)).orElse(head).substring("expect ".length());
        }
        if (e instanceof Expectation.Effect x) {
            String head = "expect " + verb(x.verb()) + x.target();
            return x.fields().map(o -> withObject(head + " ", o)).orElse(head).substring("expect ".length());
        }
        if (e instanceof Expectation.Drop d) return "drop" + d.reason().map(r -> " " + q(r)).orElse("");
        return "skip" + ((Expectation.Skip) e).reason().map(r -> " " + q(r)).orElse("");
    }

    /** {@code head} then the object, broken over lines when the statement (indented by two) would pass the width. */
    private static String withObject(String head, ObjectExpr o) {
        return head + ExprPrinter.object(o, INDENT, INDENT.length() + head.length());
    }

    /** Test statements sit one level inside their {@code test} block. */
    private static final String INDENT = "  ";

    private static String verb(Expectation.Verb v) {
        return v == Expectation.Verb.ANY ? "" : v.name().toLowerCase(Locale.ROOT) + " ";
    }
}
