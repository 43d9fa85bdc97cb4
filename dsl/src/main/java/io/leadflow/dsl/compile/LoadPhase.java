package io.leadflow.dsl.compile;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.ImportDecl;
import io.leadflow.dsl.ast.RuleFile;
import io.leadflow.dsl.diag.Code;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.dsl.parse.RuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and parses the root files and everything they import; reports missing files, import
 * cycles, and imports of anything but a rule file inside the rules folder (never read).
 */
public final class LoadPhase implements Phase {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public void run(CompileContext ctx) {
        for (String root : ctx.roots()) {
            if (!ctx.sources().containsKey(root) && ctx.loader().read(root).isEmpty()) {
                ctx.diagnostics().error(Code.LF204, "cannot read " + root, new SourceSpan(root, 1, 1, 1, 1));
                continue;
            }
            visit(ctx, root, new ArrayList<>());
        }
    }

    private void visit(CompileContext ctx, String path, List<String> stack) {
        if (ctx.files().containsKey(path)) return;
        Optional<String> text = ctx.loader().read(path);
        if (text.isEmpty()) return;
        ctx.sources().put(path, text.get());
        ParsedFile parsed = RuleParser.parse(path, text.get(), ctx.diagnostics());
        ctx.files().put(path, parsed);
        if (parsed.ast().isEmpty()) return;
        stack.add(path);
        for (ImportDecl imp : parsed.ast().get().imports()) {
            String target = ctx.loader().resolve(path, imp.path());
            if (!target.endsWith(".flow")) {
                // Never read: a parse error would echo the file's first line into the diagnostic.
                ctx.diagnostics().error(Code.LF204, "only rule files (*.flow) can be imported, not \"" + imp.path() + "\"", imp.span());
            } else if (!ctx.loader().permits(target)) {
                ctx.diagnostics().error(Code.LF204, "import \"" + imp.path() + "\" leaves the rules folder; imports stay inside it", imp.span());
            } else if (stack.contains(target)) {
                ctx.diagnostics().error(Code.LF205, "import cycle: " + String.join(" -> ", stack.subList(stack.indexOf(target), stack.size()))
                        + " -> " + target, imp.span());
            } else if (!ctx.files().containsKey(target) && ctx.loader().read(target).isEmpty()) {
                ctx.diagnostics().error(Code.LF204, "imported file not found: " + target, imp.span());
            } else {
                visit(ctx, target, stack);
            }
        }
        stack.remove(stack.size() - 1);
    }

    /** The files {@code path} imports, directly and through other imports (itself excluded). */
    static Set<String> imported(CompileContext ctx, String path) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(path));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            ParsedFile f = ctx.files().get(p);
            if (f == null || f.ast().isEmpty()) continue;
            RuleFile ast = f.ast().get();
            for (ImportDecl i : ast.imports()) {
                String t = ctx.loader().resolve(p, i.path());
                if (!t.equals(path) && seen.add(t)) todo.add(t);
            }
        }
        return seen;
    }
}
