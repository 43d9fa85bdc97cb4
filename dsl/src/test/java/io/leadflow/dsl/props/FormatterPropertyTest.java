package io.leadflow.dsl.props;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadflow.dsl.ast.AstShape;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.fmt.Formatter;
import io.leadflow.dsl.parse.RuleParser;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** fmt is idempotent and preserves meaning: format, reparse, same AST modulo positions. */
class FormatterPropertyTest {

    @Provide
    Arbitrary<String> files() {
        return SourceArbitraries.files();
    }

    @Property(tries = 300)
    void fmt_isIdempotent_andPreservesTheAst(@ForAll("files") String source) {
        String once = Formatter.format("g.flow", source).text().orElseThrow(() -> new AssertionError("generated text must parse:\n" + source));
        String twice = Formatter.format("g.flow", once).text().orElseThrow(() -> new AssertionError("formatted text must parse:\n" + once));
        assertEquals(once, twice);
        assertEquals(shape(source), shape(once), once);
    }

    private static String shape(String text) {
        return AstShape.of(RuleParser.parse("g.flow", text, new Diagnostics()).ast().orElseThrow());
    }

}
