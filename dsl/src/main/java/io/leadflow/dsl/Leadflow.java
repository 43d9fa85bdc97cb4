package io.leadflow.dsl;

import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.exec.CompiledProgram;
import io.leadflow.dsl.graph.GraphPrinter;
import io.leadflow.spi.ConnectorCatalog;
import java.util.Optional;

/** The entry point: a compiler for a set of connectors, and the graph of a compiled flow. */
public final class Leadflow {
    private Leadflow() { }

    /** A compiler with the standard phases and builtins, checking mappings against {@code catalog}. */
    public static LeadflowCompiler compiler(ConnectorCatalog catalog) {
        return new LeadflowCompiler(catalog, Builtins.standard());
    }

    /**
     * The rule graph of a flow as DOT ({@code "dot"}) or Mermaid ({@code "mermaid"}); empty when
     * the program has no such flow.
     */
    public static Optional<String> graph(Program program, String flow, String format) {
        if (!(program instanceof CompiledProgram p)) return Optional.empty();
        return p.graph(flow).map(g -> GraphPrinter.print(g, GraphPrinter.Format.parse(format)));
    }
}
