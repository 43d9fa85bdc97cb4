package io.leadflow.dsl.ast;

import java.util.Optional;

/** What a test expects of the decision. */
public sealed interface Expectation extends Node {

    /** The verb written before the target; {@code ANY} when none was. */
    enum Verb { CREATE, UPDATE, ANY }

    /** {@code expect no [create|update] target}. */
    record None(Verb verb, String target, io.leadflow.dsl.SourceSpan span) implements Expectation { }

    /** {@code expect exactly [create|update] target {fields}}: these fields and no others. */
    record Exact(Verb verb, String target, Optional<ObjectExpr> fields, io.leadflow.dsl.SourceSpan span)
            implements Expectation { }

    /** {@code expect [create|update] target {fields}}: at least these fields. */
    record Effect(Verb verb, String target, Optional<ObjectExpr> fields, io.leadflow.dsl.SourceSpan span)
            implements Expectation { }

    /** {@code expect drop ["reason"]}. */
    record Drop(Optional<String> reason, io.leadflow.dsl.SourceSpan span) implements Expectation { }

    /** {@code expect skip ["reason"]}. */
    record Skip(Optional<String> reason, io.leadflow.dsl.SourceSpan span) implements Expectation { }
}
