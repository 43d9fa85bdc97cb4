package io.leadflow.runtime.exec;

/**
 * The dead-letter reason for an exception thrown by a flow's evaluate or decide. The dsl has no
 * budget exception type yet [assumption]: any exception type named "*Budget*" counts as a budget breach.
 */
final class RuleFailure {
    private RuleFailure() { }

    static String reason(RuntimeException e, String flow) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getClass().getSimpleName().contains("Budget")) return "rule budget exceeded in flow " + flow + ": " + message;
        return "rule error in flow " + flow + ": " + message;
    }
}
