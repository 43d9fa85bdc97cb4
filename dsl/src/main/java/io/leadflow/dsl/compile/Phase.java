package io.leadflow.dsl.compile;

import io.leadflow.dsl.diag.Diagnostics;

/**
 * One compiler pass: reads the product of the phase before, reports what it finds into the sink
 * and hands its own product to the next. A phase never changes its input; a checking phase whose
 * only product is "checked" returns what it was given.
 *
 * @param <I> what the phase before produced
 * @param <O> what this phase hands on
 */
public interface Phase<I, O> {
    /** A short stable name ({@code resolve-names}) for messages, docs and {@code LeadflowCompiler.phases()}. */
    String name();

    O run(I input, Diagnostics sink);
}
