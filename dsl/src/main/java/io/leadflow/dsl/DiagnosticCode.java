package io.leadflow.dsl;

/**
 * Every stable code a rule-file finding or a rule failure carries. Tests and tools tell findings
 * apart by code, never by message text; the description is what docs/language.md lists.
 * LF0xx the compiler itself, LF1xx syntax, LF2xx names, LF3xx types, LF4xx connector schema,
 * LF50x flow structure, LF51x decisions, LF9xx rule failures at run time.
 */
public enum DiagnosticCode {
    LF000("internal error: the compiler failed (a bug; the message says where)"),
    LF101("syntax error: unexpected or missing token"),
    LF102("unexpected character (or unterminated string)"),
    LF103("malformed template hole {expr}"),
    LF104("unknown escape sequence in a string"),
    LF105("table key must be a constant"),
    LF106("too many errors; the rest are not shown"),
    LF107("nesting too deep"),
    LF108("template hole holding only a number (a regex repetition in a double-quoted string?)"),
    LF201("unknown name"),
    LF202("unknown function or template"),
    LF203("name declared twice"),
    LF204("imported file not found or unreadable"),
    LF205("import cycle"),
    LF206("unknown table (a name used as table[key])"),
    LF207("unknown manager collection"),
    LF208("let or template that refers to itself"),
    LF301("type mismatch"),
    LF302("wrong number of arguments"),
    LF303("unknown table key"),
    LF304("field assigned twice in one block"),
    LF305("invalid regular expression (RE2 syntax: no backreferences or lookaround)"),
    LF306("invalid date pattern or time zone"),
    LF307("unknown or misplaced named argument"),
    LF308("table key listed twice"),
    LF401("unknown connector"),
    LF402("field not known to the connector's entity"),
    LF403("value type not accepted by the field"),
    LF404("required field missing on create"),
    LF405("custom field id not accepted by the connector"),
    LF406("constant value longer than the field allows"),
    LF407("constant value not among the field's allowed values"),
    LF408("entity not supported by the connector"),
    LF409("unknown source or source kind"),
    LF410("unknown, missing or ill-typed source argument"),
    LF411("lead field not in the source's payload schema"),
    LF412("unknown scheduled job or job argument"),
    LF413("invalid dedupe or fields statement"),
    LF414("custom field the account description does not define"),
    LF501("flow without from or to"),
    LF502("statement given twice in a flow"),
    LF503("unknown mapping block"),
    LF504("mapping block given twice"),
    LF505("flow name declared twice"),
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
    LF520("invalid phones not handled by any rule"),
    LF901("runtime: step budget exceeded"),
    LF902("runtime: evaluation error");

    private final String description;

    DiagnosticCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
