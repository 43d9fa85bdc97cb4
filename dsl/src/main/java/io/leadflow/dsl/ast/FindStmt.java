package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code find contact by phone, email}: what to look up in the CRM, by which keys in order. */
public record FindStmt(String target, List<String> keys, SourceSpan span) implements FlowStmt {
    public FindStmt {
        keys = List.copyOf(keys);
    }
}
