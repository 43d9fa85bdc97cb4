package io.leadflow.dsl.compile;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code check} reports every error of every phase at once, and an error is reported once, not again by what follows from it. */
class EveryErrorAtOnceTest {

    static CompileResult compile(String deal) {
        return Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from site.orders\n  to keepincrm\n  deal {\n" + deal + "\n  }\n}\n"));
    }

    static List<DiagnosticCode> codes(CompileResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::code).toList();
    }

    @Test
    void unknownFunction_andTwoUnknownFields_areAllReported() {
        CompileResult r = compile("    title <- lowr(lead.title)\n    colour <- \"red\"\n    size <- 1");
        assertEquals(List.of(DiagnosticCode.LF202, DiagnosticCode.LF402, DiagnosticCode.LF402), codes(r), r.render());
    }

    @Test
    void numberPlusALeadField_isATypeError_sinceItMayJoinText() {
        CompileResult r = compile("    title <- lead.name + 1");
        assertEquals(List.of(DiagnosticCode.LF301), codes(r), r.render());
        assertTrue(r.diagnostics().get(0).message().contains("number(lead.name)"), r.render());
        assertTrue(compile("    title <- 'Order ' + 5\n    total <- number(lead.total) + 1").ok());
    }

    @Test
    void comparingABooleanWithANumber_isATypeError() {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "let a = 1\nflow \"f\" {\n  from site.orders\n  to keepincrm\n  drop when a == \"x\" == 3 \"never\"\n  deal { title <- \"t\" }\n}\n"));
        assertEquals(List.of(DiagnosticCode.LF301), codes(r), r.render());
        assertEquals(5, r.diagnostics().get(0).span().line());
        assertTrue(r.diagnostics().get(0).message().contains("a boolean with a number"), r.render());
    }

    @Test
    void anErroneousExpression_silencesTheErrorsThatFollowFromIt() {
        // the unknown name, the bad call and the bad operand are each reported once; the
        // arithmetic around them and the field's type check stay silent
        CompileResult r = compile("    total <- (nope * 2) + 1\n    title <- upper(lowr(lead.x)) + 1\n    stage_id <- ([1] * 2) - 3");
        assertEquals(List.of(DiagnosticCode.LF201, DiagnosticCode.LF202, DiagnosticCode.LF301), codes(r), r.render());
    }

    @Test
    void lettersSwapped_stillGetADidYouMean() {
        CompileResult r = compile("    titel <- \"t\"");
        assertTrue(r.render().contains("did you mean 'title'?"), r.render());
    }

    @Test
    void messagesUseTheRightArticle() {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from site.orders\n  to keepincrm\n  deal { total <- 1 }\n}\n"));
        assertEquals(List.of(DiagnosticCode.LF404), codes(r), r.render());
        assertTrue(r.render().contains("required to create an agreement"), r.render());
    }

    @Test
    void anImportThatDoesNotParse_isReportedOnce_notAsUnknownNamesInTheImporter() {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of(
                "lib.flow", "let prefix = ",
                "f.flow", "import \"lib.flow\"\nflow \"f\" {\n  from site.orders\n  to keepincrm\n  deal { title <- prefix + \"x\" }\n}\n"));
        assertEquals(List.of(DiagnosticCode.LF101), codes(r), r.render());
    }
}
