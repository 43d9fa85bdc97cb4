package io.leadflow.dsl.parse;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    static RuleFile parse(String text, Diagnostics sink) {
        return RuleParser.parse("t.flow", text, sink).ast().orElseThrow();
    }

    @Test
    void buildsAst_forTheHoroshopExample() throws Exception {
        String text = Files.readString(Path.of("../examples/horoshop-keepincrm/orders.flow"));
        Diagnostics sink = new Diagnostics();
        RuleFile f = RuleParser.parse("orders.flow", text, sink).ast().orElseThrow();
        assertEquals(0, sink.errorCount(), sink.all().toString());
        FlowDecl flow = (FlowDecl) f.decls().get(0);
        assertEquals("horoshop orders", flow.name());
        assertEquals(4, flow.all(MappingStmt.class).size());
        assertEquals(2, flow.all(WhenStmt.class).size());
        assertTrue(f.decls().stream().anyMatch(d -> d instanceof TestDecl));
    }

    @Test
    void holePositions_pointIntoTheHole() {
        Diagnostics sink = new Diagnostics();
        RuleFile f = parse("let x = \"ab {lead.id} c\"", sink);
        TemplateExpr t = (TemplateExpr) ((LetDecl) f.decls().get(0)).value();
        Expr hole = ((TemplateExpr.Hole) t.parts().get(1)).expr();
        assertEquals(1, hole.span().line());
        assertEquals(14, hole.span().column());
    }

    @Test
    void holeSyntaxError_isReportedAtItsColumn() {
        Diagnostics sink = new Diagnostics();
        RuleParser.parse("t.flow", "let x = \"ab {lead.} c\"", sink);
        assertEquals(1, sink.errorCount());
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF101, sink.all().get(0).code());
        assertEquals(19, sink.all().get(0).span().column());
    }

    @Test
    void stringWithoutHoles_isAPlainString() {
        RuleFile f = parse("let x = \"a \\{b\\}\"", new Diagnostics());
        assertEquals(new StringExpr("a {b}", null).value(), ((StringExpr) ((LetDecl) f.decls().get(0)).value()).value());
    }
}
