package io.leadflow.dsl;

import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.fmt.Formatter;
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
     * Same, also checking the custom fields each flow maps against the description of its target
     * account ({@link io.leadflow.spi.account.AccountDescriptions}; LF414), before any lead is sent.
     */
    public static LeadflowCompiler compiler(ConnectorCatalog catalog, java.util.List<io.leadflow.spi.account.AccountSchema> accounts) {
        return new LeadflowCompiler(catalog, Builtins.standard(), accounts);
    }

    /** {@code leadflow fmt}: the canonical text of one rule file, or the syntax errors that prevent formatting. */
    public static Formatted format(String path, String source) {
        return Formatter.format(path, source);
    }

    /**
     * The rule graph of a flow as DOT ({@code "dot"}) or Mermaid ({@code "mermaid"}); empty when
     * the program has no such flow (see {@link Flow#graph}).
     */
    public static Optional<String> graph(Program program, String flow, String format) {
        return program.flow(flow).flatMap(f -> f.graph(format));
    }
}
