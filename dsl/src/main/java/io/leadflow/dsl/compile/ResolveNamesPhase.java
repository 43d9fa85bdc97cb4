package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names: builds each file's global scope and the flow units, checks the flows' structure, and
 * reports every unknown name, function and table, and every let or template that refers to itself.
 * The conditions of {@code when} rules and manager collections are left to the decisions phases.
 */
public final class ResolveNamesPhase implements Phase<Loaded, Resolved> {
    private final io.leadflow.dsl.builtin.Builtins builtins;

    public ResolveNamesPhase(io.leadflow.dsl.builtin.Builtins builtins) {
        this.builtins = builtins;
    }

    @Override
    public String name() {
        return "resolve-names";
    }

    @Override
    public Resolved run(Loaded loaded, Diagnostics sink) {
        Map<String, Scope> scopes = FileScopes.build(loaded, sink);
        NameCheck names = new NameCheck(builtins, sink);
        List<FlowUnit> flows = new ArrayList<>();
        Map<String, FlowDecl> flowNames = new HashMap<>();
        for (ParsedFile f : loaded.files().values()) {
            if (f.ast().isEmpty()) continue;
            Scope global = scopes.get(f.path());
            for (TopDecl d : f.ast().get().decls()) {
                if (d instanceof FlowDecl flow) {
                    FlowDecl prev = flowNames.putIfAbsent(flow.name(), flow);
                    if (prev != null) sink.error(DiagnosticCode.LF505, "flow \"" + flow.name() + "\" is already declared at " + prev.span().at(), flow.span());
                    FlowStructure.check(flow, sink);
                    FlowUnit unit = new FlowUnit(flow, f.path(), global);
                    flows.add(unit);
                    ExprSites.flow(unit, names::check);
                } else {
                    ExprSites.global(d, global, names::check);
                }
            }
            new SelfReference(sink).check(f.ast().get(), global);
        }
        return new Resolved(loaded, scopes, flows);
    }

}
