package io.leadflow.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The race is fair: on every workload the three contestants give the same document on both paths. */
class SuiteEqualityTest {
    static java.util.List<String> workloads() {
        return Workloads.NAMES;
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void threeContestantsAgree(String workload) {
        Suite.of(workload).check();
    }

    @Test
    void theSuiteHasTheIssuesWorkloads() {
        assertTrue(Workloads.NAMES.size() >= 8);
        assertEquals(Workloads.NAMES, java.util.List.of(SuiteBenchmark.class.getDeclaredFields()[0].getAnnotation(org.openjdk.jmh.annotations.Param.class).value()));
    }

    @Test
    void aDifferenceIsCaught() {
        Suite s = Suite.of("site_form_6");
        Workload w = s.workload;
        Workload wrong = new Workload(w.name(), w.description(), w.flowFile(), w.flowSource(), w.leadJson(), w.jslt(),
                l -> {
                    var doc = w.hand().apply(l);
                    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("deal")).put("phone", "+380000000000");
                    return doc;
                });
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Suite.of(wrong).check());
    }
}
