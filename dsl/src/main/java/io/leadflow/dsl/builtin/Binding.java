package io.leadflow.dsl.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.DiagnosticCode;

/**
 * What a builtin sees at compile time for one call site: the arguments that are constants
 * (null where not), and a way to report a problem with an argument.
 */
public interface Binding {
    /** The constant value of argument {@code i}, or null when it is computed per lead or not given. */
    JsonNode constant(int i);

    /** Whether argument {@code i} is written at this call. */
    boolean given(int i);

    void error(int argIndex, DiagnosticCode code, String message);

    /** Where the call is, for runtime errors. */
    SourceSpan span();
}
