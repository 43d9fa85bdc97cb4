package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code crm open_deal, marked_deal} in a {@code property}: only these generated CRM states. */
public record TestCrmStatesStmt(List<String> states, SourceSpan span) implements TestStmt {
    public TestCrmStatesStmt {
        states = List.copyOf(states);
    }
}
