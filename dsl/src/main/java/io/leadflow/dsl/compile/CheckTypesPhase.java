package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.diag.Code;
import io.leadflow.dsl.parse.ParsedFile;
import java.util.HashMap;
import java.util.Map;

/** Types: argument counts and types, arithmetic operands, constant table keys, fields or keys given twice. */
public final class CheckTypesPhase implements Phase {

    @Override
    public String name() {
        return "check-types";
    }

    @Override
    public void run(CompileContext ctx) {
        TypeInference types = new TypeInference(ctx, ctx.diagnostics());
        for (ParsedFile f : ctx.files().values()) {
            if (f.ast().isEmpty()) continue;
            Scope global = ctx.fileScopes().get(f.path());
            for (TopDecl d : f.ast().get().decls()) {
                ExprSites.global(d, global, types::infer);
                if (d instanceof TableDecl t) duplicateKeys(t, ctx);
            }
        }
        for (FlowUnit unit : ctx.flows()) {
            ExprSites.flow(unit, types::infer);
            for (MappingStmt m : unit.decl().all(MappingStmt.class)) duplicateFields(m, ctx);
        }
    }

    private static void duplicateFields(MappingStmt m, CompileContext ctx) {
        Map<String, AssignStmt> seen = new HashMap<>();
        for (AssignStmt a : m.fields()) {
            AssignStmt prev = seen.putIfAbsent(a.field(), a);
            if (prev != null) {
                ctx.diagnostics().error(Code.LF304, "field '" + a.field() + "' is already set at " + prev.span().at(), a.span());
            }
        }
    }

    private static void duplicateKeys(TableDecl t, CompileContext ctx) {
        Map<String, TableEntry> seen = new HashMap<>();
        for (TableEntry e : t.entries()) {
            String key = e.key().map(k -> "=" + Constants.key(Constants.of(k))).orElse("default");
            TableEntry prev = seen.putIfAbsent(key, e);
            if (prev != null) {
                ctx.diagnostics().error(Code.LF308, (e.isDefault() ? "default" : "key " + Constants.of(e.key().get()))
                        + " is already listed at " + prev.span().at(), e.span());
            }
        }
    }
}
