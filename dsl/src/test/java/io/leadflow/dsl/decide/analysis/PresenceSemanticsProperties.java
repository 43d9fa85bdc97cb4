package io.leadflow.dsl.decide.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.WhenStmt;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;
import io.leadflow.dsl.decide.RecordViews;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.exec.ExprCompiler;
import io.leadflow.dsl.parse.RuleParser;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.StatusGroup;
import java.time.Clock;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the checker assumes about record atoms is what the engine does: for any condition built
 * from them, the analysis' truth value in each world equals the compiled condition's value over
 * the records of that world. (LF510/LF512 rest on this.)
 */
class PresenceSemanticsProperties {
    private static final Scope SCOPE = Scope.of(Map.of(
            "lead", Symbol.of(Symbol.Kind.LEAD, "lead", null),
            "contact", new Symbol(Symbol.Kind.SLOT, "contact", null, 0),
            "deal", new Symbol(Symbol.Kind.SLOT, "deal", null, 1)));
    private static final ExprCompiler EXPRS = new ExprCompiler(Builtins.standard(), f -> SCOPE);

    @Provide
    Arbitrary<String> condition() {
        Arbitrary<String> atom = Arbitraries.of("contact", "deal", "deal.open", "deal.closed", "deal.marked", "contact.id", "deal.id",
                "deal.group == \"open\"", "deal.group == \"completed\"", "deal.group == \"cancelled\"", "contact == null", "deal != null", "true", "false");
        return Arbitraries.recursive(() -> atom, inner -> Arbitraries.oneOf(
                inner.map(x -> "not (" + x + ")"),
                Arbitraries.of(" and ", " or ").flatMap(op -> inner.list().ofSize(2).map(l -> "(" + l.get(0) + ")" + op + "(" + l.get(1) + ")"))), 3);
    }

    @Property(tries = 300)
    void analysisTruth_equalsEngineTruth_inEveryWorld(@ForAll("condition") String cond) {
        var ast = RuleParser.parse("p.flow", "flow \"p\" { when " + cond + " -> skip \"x\" }", new Diagnostics()).ast().orElseThrow();
        var when = ((FlowDecl) ast.decls().get(0)).all(WhenStmt.class).get(0);
        Formula f = Formulas.of(when.condition());
        Eval compiled = EXPRS.compile(when.condition(), SCOPE);
        for (World w : World.all(true)) {
            Env env = new Env(JsonNodeFactory.instance.objectNode(), Clock.systemUTC(), 2);
            FoundContact c = w.contact() ? new FoundContact("7", null, "101", JsonNodeFactory.instance.objectNode()) : null;
            FoundDeal d = w.deal() == World.Deal.NONE ? null : new FoundDeal("9", "7", null, "102", "new", group(w.deal()), w.marked(),
                    JsonNodeFactory.instance.objectNode());
            env.set(0, RecordViews.contact(c));
            env.set(1, RecordViews.deal(d));
            assertEquals(Values.truthy(compiled.eval(env)), new Case(w, java.util.List.of(), 0).eval(f), cond + " in " + w.describe());
        }
    }

    private static StatusGroup group(World.Deal d) {
        return d == World.Deal.OPEN ? StatusGroup.OPEN : d == World.Deal.COMPLETED ? StatusGroup.COMPLETED : StatusGroup.CANCELLED;
    }
}
