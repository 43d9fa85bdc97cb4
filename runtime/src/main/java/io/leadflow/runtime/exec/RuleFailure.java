package io.leadflow.runtime.exec;

import io.leadflow.dsl.RuleBudgetExceededException;

/**
 * The dead-letter reason for an exception thrown by a flow's evaluate or decide: a budget breach
 * (the dsl's {@link RuleBudgetExceededException}, code LF901) is named as such, anything else is a rule error.
 */
final class RuleFailure {
    private RuleFailure() { }

    static String reason(RuntimeException e, String flow) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof RuleBudgetExceededException) return "rule budget exceeded in flow " + flow + ": " + message;
        return "rule error in flow " + flow + ": " + message;
    }
}
