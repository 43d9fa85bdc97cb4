package io.leadflow.dsl;

/**
 * A lead's rules ran past the step budget (code {@code LF901}): the lead is failed, not retried
 * with the same rules, since it would breach again. Thrown by {@link Flow#evaluate},
 * {@link Flow#decide} and {@link Flow#map}; callers tell it apart from other rule errors
 * ({@link RuleException}, other codes) by this type.
 */
public final class RuleBudgetExceededException extends RuleException {
    private static final long serialVersionUID = 1L;
    /** The stable diagnostic code of a budget breach. */
    public static final DiagnosticCode CODE = DiagnosticCode.LF901;

    private final int budget;

    public RuleBudgetExceededException(int budget, SourceSpan at) {
        super(CODE, at, at.at() + ": " + CODE + ": step budget of " + budget + " exceeded (a list or text too large for this rule?)");
        this.budget = budget;
    }

    private RuleBudgetExceededException(int budget, SourceSpan at, String fullMessage) {
        super(CODE, at, fullMessage);
        this.budget = budget;
    }

    /** The budget that was exceeded, in steps. */
    public int budget() {
        return budget;
    }

    @Override
    protected RuleException withMessage(String fullMessage) {
        return new RuleBudgetExceededException(budget, span(), fullMessage);
    }
}
