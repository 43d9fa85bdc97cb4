package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mark outlives a process that dies in the middle of an evaluation (a real child JVM halted there). */
class EvaluationMarksTest {

    /** The child: marks the lead, then halts the JVM inside the evaluation (no finally runs). */
    public static void main(String[] args) {
        EvaluationMarks.open(Path.of(args[0])).during(args[1], () -> {
            Runtime.getRuntime().halt(3);
            return null;
        });
    }

    private static int haltDuringEvaluation(Path dir, String leadId) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EvaluationMarksTest.class.getName(), dir.toString(), leadId)
                .inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not end");
        }
        return p.exitValue();
    }

    @Test
    void aProcessHaltedMidEvaluation_countsACrashAgainstThatLead_once(@TempDir Path dir) throws Exception {
        assertEquals(3, haltDuringEvaluation(dir, "lead-poison"));
        EvaluationMarks afterOne = EvaluationMarks.open(dir);
        assertEquals(1, afterOne.crashes("lead-poison"));
        assertNull(afterOne.marked(), "the mark is cleared once counted");
        assertEquals(1, EvaluationMarks.open(dir).crashes("lead-poison"), "reopening without a crash counts nothing");
        assertEquals(3, haltDuringEvaluation(dir, "lead-poison"));
        assertEquals(2, EvaluationMarks.open(dir).crashes("lead-poison"));
        assertEquals(0, EvaluationMarks.open(dir).crashes("lead-other"));
    }

    @Test
    void aFinishedEvaluation_leavesNoMark(@TempDir Path dir) {
        EvaluationMarks m = EvaluationMarks.open(dir);
        assertEquals("ok", m.during("lead-1", () -> {
            assertEquals("lead-1", m.marked());
            return "ok";
        }));
        assertNull(m.marked());
        assertEquals(0, EvaluationMarks.open(dir).crashes("lead-1"));
    }
}
