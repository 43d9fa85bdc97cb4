package io.leadflow.dsl.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ExprHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example a builtin declares runs here: the registry's documentation cannot drift from behaviour. */
class BuiltinExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExample_givesItsDeclaredResult() {
        return Builtins.standard().all().stream().flatMap(spec -> spec.examples().stream()
                .map(ex -> DynamicTest.dynamicTest(spec.name() + ": " + ex.call(), () -> {
                    JsonNode actual = ExprHarness.eval(ex.call());
                    JsonNode expected = ExprHarness.JSON.readTree(ex.result());
                    assertEquals(expected.isNull() ? null : expected.toString(), actual == null ? null : actual.toString(), ex.call());
                })));
    }

    @Test
    void everyBuiltin_hasDocsAndExamples_exceptTheClock() {
        for (BuiltinSpec s : Builtins.standard().all()) {
            assertFalse(s.doc().isBlank(), s.name());
            if (!s.name().equals("now")) assertFalse(s.examples().isEmpty(), s.name());
        }
    }

    @Test
    void now_readsTheInjectedClock() {
        assertEquals("\"2025-03-01T08:00:00Z\"", ExprHarness.eval("now()").toString());
    }
}
