package io.leadflow.dsl.compile;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of phases, typed end to end: each phase's product is the next one's input, so
 * the list written down is the list that runs. Immutable.
 */
public final class Pipeline<I, O> {
    private final List<Phase<?, ?>> phases;

    private Pipeline(List<Phase<?, ?>> phases) {
        this.phases = List.copyOf(phases);
    }

    public static <I, O> Pipeline<I, O> of(Phase<I, O> first) {
        return new Pipeline<>(List.of(first));
    }

    /** This list with {@code next} after its last phase. */
    public <N> Pipeline<I, N> then(Phase<? super O, N> next) {
        List<Phase<?, ?>> list = new ArrayList<>(phases);
        list.add(next);
        return new Pipeline<>(list);
    }

    public List<String> names() {
        return phases.stream().map(Phase::name).toList();
    }

    /**
     * Runs every phase in order. A phase that fails (a compiler bug, or input nested too deep for
     * the stack) is reported as a diagnostic at {@code where} and ends the run: empty.
     */
    @SuppressWarnings("unchecked")
    public Optional<O> run(I input, Diagnostics sink, SourceSpan where) {
        Object product = input;
        for (Phase<?, ?> phase : phases) {
            try {
                product = ((Phase<Object, Object>) phase).run(product, sink);
            } catch (StackOverflowError e) {
                sink.error(DiagnosticCode.LF107, "nesting too deep to compile (thousands of brackets?)", where);
                return Optional.empty();
            } catch (RuntimeException e) {
                // A compiler bug must not hide the user's diagnostics or crash a reload; report it as one.
                sink.error(DiagnosticCode.LF000, "internal compiler error in phase " + phase.name() + ": " + e, where);
                return Optional.empty();
            }
        }
        return Optional.of((O) product);
    }
}
