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
        if (s instanceof TestLeadStmt l) return l.keyword() + " " + ExprPrinter.object(l.value(), false);
        if (s instanceof TestCrmStmt c) return "crm " + c.entity() + " " + print(c.id()) + " " + ExprPrinter.object(c.value(), false);
        if (s instanceof TestManagersStmt m) return "managers " + m.collection() + " " + ExprPrinter.object(m.value(), false);
        if (s instanceof TestNowStmt n) return "now " + q(n.instant());
        return "expect " + expectation(((ExpectStmt) s).expectation());
    }

    private static String expectation(Expectation e) {
        if (e instanceof Expectation.None n) return "no " + verb(n.verb()) + n.target();
        if (e instanceof Expectation.Exact x) {
            return "exactly " + verb(x.verb()) + x.target() + x.fields().map(o -> " " + ExprPrinter.object(o, false)).orElse("");
        }
        if (e instanceof Expectation.Effect x) {
            return verb(x.verb()) + x.target() + x.fields().map(o -> " " + ExprPrinter.object(o, false)).orElse("");
        }
        if (e instanceof Expectation.Drop d) return "drop" + d.reason().map(r -> " " + q(r)).orElse("");
        return "skip" + ((Expectation.Skip) e).reason().map(r -> " " + q(r)).orElse("");
    }

    private static String verb(Expectation.Verb v) {
        return v == Expectation.Verb.ANY ? "" : v.name().toLowerCase(Locale.ROOT) + " ";
    }
}
