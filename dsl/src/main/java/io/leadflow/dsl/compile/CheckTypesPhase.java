package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.dsl.diag.Diagnostics;
import java.util.HashMap;
import java.util.Map;

/** Types: argument counts and types, arithmetic operands, constant table keys, fields or keys given twice. */
public final class CheckTypesPhase implements Phase<Resolved, Resolved> {
    private final io.leadflow.dsl.builtin.Builtins builtins;

    public CheckTypesPhase(io.leadflow.dsl.builtin.Builtins builtins) {
        this.builtins = builtins;
    }

    @Override
    public String name() {
        return "check-types";
    }

    @Override
    public Resolved run(Resolved resolved, Diagnostics sink) {
        TypeInference types = new TypeInference(builtins, sink);
        for (ParsedFile f : resolved.files().values()) {
            if (f.ast().isEmpty()) continue;
            Scope global = resolved.fileScopes().get(f.path());
            for (TopDecl d : f.ast().get().decls()) {
                ExprSites.global(d, global, types::infer);
                if (d instanceof TableDecl t) duplicateKeys(t, sink);
            }
        }
        for (FlowUnit unit : resolved.flows()) {
            ExprSites.flow(unit, types::infer);
            for (MappingStmt m : unit.decl().all(MappingStmt.class)) duplicateFields(m, sink);
        }
        return resolved;
    }

    private static void duplicateFields(MappingStmt m, Diagnostics sink) {
        Map<String, AssignStmt> seen = new HashMap<>();
        for (AssignStmt a : m.fields()) {
            AssignStmt prev = seen.putIfAbsent(a.field(), a);
            if (prev != null) {
                sink.error(DiagnosticCode.LF304, "field '" + a.field() + "' is already set at " + prev.span().at(), a.span());
            }
        }
    }

    private static void duplicateKeys(TableDecl t, Diagnostics sink) {
        Map<String, TableEntry> seen = new HashMap<>();
        for (TableEntry e : t.entries()) {
            String key = e.key().map(k -> "=" + Constants.key(Constants.of(k))).orElse("default");
            TableEntry prev = seen.putIfAbsent(key, e);
            if (prev != null) {
                sink.error(DiagnosticCode.LF308, (e.isDefault() ? "default" : "key " + Constants.of(e.key().get()))
                        + " is already listed at " + prev.span().at(), e.span());
            }
        }
    }
}
