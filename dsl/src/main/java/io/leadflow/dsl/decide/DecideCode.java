package io.leadflow.dsl.decide;

/**
 * The stable codes of the decisions checks (LF51x), kept beside {@link io.leadflow.dsl.diag.Code}
 * (LF1xx–LF50x) so the two parts of the compiler never edit one file. Unknown manager collections
 * reuse {@code LF207}.
 */
public enum DecideCode {
    LF510("when rule that can never match"),
    LF511("otherwise that is never used"),
    LF512("rules that do not cover every case"),
    LF513("find against a connector that cannot look records up"),
    LF514("action the target connector cannot do"),
    LF515("contact or deal used where nothing was found (no find, or before find)"),
    LF516("bad phone profile (unknown region, digit count)"),
    LF517("bad manager collection (unknown strategy, weight, manager id)"),
    LF518("bad find (unknown target or key)"),
    LF519("otherwise given twice or not last"),
    LF520("invalid phones not handled by any rule");

    private final String description;

    DecideCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
