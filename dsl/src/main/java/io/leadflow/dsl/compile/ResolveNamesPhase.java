package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.diag.Code;
import io.leadflow.dsl.parse.ParsedFile;
import java.util.HashMap;
import java.util.Map;

/**
 * Names: builds each file's global scope and the flow units, checks the flows' structure, and
 * reports every unknown name, function and table, and every let or template that refers to itself.
 * The conditions of {@code when} rules and manager collections are left to the decisions phases.
 */
public final class ResolveNamesPhase implements Phase {

    @Override
    public String name() {
        return "resolve-names";
    }

    @Override
    public void run(CompileContext ctx) {
        FileScopes.build(ctx);
        NameCheck names = new NameCheck(ctx);
        Map<String, FlowDecl> flowNames = new HashMap<>();
        for (ParsedFile f : ctx.files().values()) {
            if (f.ast().isEmpty()) continue;
            Scope global = ctx.fileScopes().get(f.path());
            for (TopDecl d : f.ast().get().decls()) {
                if (d instanceof FlowDecl flow) {
                    FlowDecl prev = flowNames.putIfAbsent(flow.name(), flow);
                    if (prev != null) ctx.diagnostics().error(Code.LF505, "flow \"" + flow.name() + "\" is already declared at " + prev.span().at(), flow.span());
                    FlowStructure.check(flow, ctx.diagnostics());
                    FlowUnit unit = new FlowUnit(flow, f.path(), global);
                    ctx.flows().add(unit);
                    ExprSites.flow(unit, names::check);
                } else {
                    ExprSites.global(d, global, names::check);
                }
            }
            new SelfReference(ctx.diagnostics()).check(f.ast().get(), global);
        }
    }

}
