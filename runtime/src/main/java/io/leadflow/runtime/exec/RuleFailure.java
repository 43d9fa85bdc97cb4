package io.leadflow.runtime.exec;

import io.leadflow.dsl.RuleBudgetExceededException;

/**
 * The dead-letter reason for an exception thrown by a flow's evaluate or decide: a budget breach
 * (the dsl's {@link RuleBudgetExceededException}, code LF901) is named as such, anything else is a rule error.
 */
final class RuleFailure {
    private RuleFailure() { }

    /** A lead whose rules ran the JVM out of heap or stack: quarantined as a dead letter with the reason. */
    static String exhausted(Error e, String flow) {
        return "quarantined: evaluating the rules of flow '" + flow + "' for this lead ran out of "
                + (e instanceof StackOverflowError ? "stack" : "memory") + " (" + e + "); replay it after fixing the rules or the lead";
    }

    static String reason(RuntimeException e, String flow) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof RuleBudgetExceededException) return "rule budget exceeded in flow " + flow + ": " + message;
        return "rule error in flow " + flow + ": " + message;
    }
}
