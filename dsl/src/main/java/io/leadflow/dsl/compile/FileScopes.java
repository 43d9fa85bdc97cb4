package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.ParsedFile;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the global names each file sees: {@code lead}, its own declarations and its imports'. */
final class FileScopes {
    private FileScopes() { }

    static Map<String, Scope> build(Loaded loaded, Diagnostics sink) {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        Map<String, Map<String, Symbol>> own = new LinkedHashMap<>();
        for (ParsedFile f : loaded.files().values()) {
            if (f.ast().isEmpty()) continue;
            Map<String, Symbol> names = new LinkedHashMap<>();
            for (TopDecl d : f.ast().get().decls()) {
                Symbol s = symbol(d);
                if (s == null) continue;
                Symbol prev = names.putIfAbsent(s.name(), s);
                if (prev != null) {
                    sink.error(DiagnosticCode.LF203, "'" + s.name() + "' is already declared at " + prev.decl().span().at(), d.span());
                }
            }
            own.put(f.path(), names);
        }
        for (String path : own.keySet()) {
            Map<String, Symbol> visible = new LinkedHashMap<>();
            visible.put("lead", Symbol.of(Symbol.Kind.LEAD, "lead", null));
            for (String imp : loaded.imported(path)) {
                own.getOrDefault(imp, Map.of()).forEach(visible::putIfAbsent);
            }
            for (Symbol s : own.get(path).values()) {
                Symbol prev = visible.put(s.name(), s);
                if (prev != null && prev.decl() != null) {
                    sink.error(DiagnosticCode.LF203, "'" + s.name() + "' is also declared at " + prev.decl().span().at(), s.decl().span());
                } else if (prev != null) {
                    sink.error(DiagnosticCode.LF203, "'lead' is the incoming lead and cannot be redeclared", s.decl().span());
                }
            }
            scopes.put(path, Scope.of(visible, loaded.incomplete(path)));
        }
        return scopes;
    }

    private static Symbol symbol(TopDecl d) {
        if (d instanceof LetDecl l) return Symbol.of(Symbol.Kind.GLOBAL_LET, l.name(), l);
        if (d instanceof TableDecl t) return Symbol.of(Symbol.Kind.TABLE, t.name(), t);
        if (d instanceof TemplateDecl t) return Symbol.of(Symbol.Kind.TEMPLATE, t.name(), t);
        if (d instanceof ManagersDecl m) return Symbol.of(Symbol.Kind.MANAGERS, m.name(), m);
        return null;
    }
}
