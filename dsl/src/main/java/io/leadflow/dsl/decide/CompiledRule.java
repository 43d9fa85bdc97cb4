package io.leadflow.dsl.decide;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.eval.Eval;
import java.util.List;

/**
 * A {@code when} (or {@code otherwise}, with a null condition) ready to run: the condition, its
 * atoms (evaluated only to explain why a rule did not match), the compiled actions and the assignee.
 */
record CompiledRule(String text, Eval condition, List<Atom> atoms, List<ActionStep> actions, Assignee assignee, SourceSpan span, String at) {

    /** A leaf of the condition with its source text. */
    record Atom(String text, Eval value) { }

    CompiledRule(String text, Eval condition, List<Atom> atoms, List<ActionStep> actions, Assignee assignee, SourceSpan span) {
        this(text, condition, atoms, actions, assignee, span, span.at());
    }

    CompiledRule {
        atoms = List.copyOf(atoms);
        actions = List.copyOf(actions);
    }
}
