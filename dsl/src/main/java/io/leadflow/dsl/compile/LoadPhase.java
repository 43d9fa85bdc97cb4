package io.leadflow.dsl.compile;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.ImportDecl;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.dsl.parse.RuleParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and parses the root files and everything they import; reports missing files, import
 * cycles, and imports of anything but a rule file inside the rules folder (never read).
 */
public final class LoadPhase implements Phase<LoadRequest, Loaded> {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public Loaded run(LoadRequest request, Diagnostics sink) {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, ParsedFile> files = new LinkedHashMap<>();
        SourceLoader loader = request.loader();
        for (String root : request.roots()) {
            if (!sources.containsKey(root) && loader.read(root).isEmpty()) {
                sink.error(DiagnosticCode.LF204, "cannot read " + root, new SourceSpan(root, 1, 1, 1, 1));
                continue;
            }
            visit(root, new ArrayList<>(), loader, sources, files, sink);
        }
        return new Loaded(request.roots(), sources, files, loader);
    }

    private static void visit(String path, List<String> stack, SourceLoader loader, Map<String, String> sources,
                              Map<String, ParsedFile> files, Diagnostics sink) {
        if (files.containsKey(path)) return;
        Optional<String> text = loader.read(path);
        if (text.isEmpty()) return;
        sources.put(path, text.get());
        ParsedFile parsed = RuleParser.parse(path, text.get(), sink);
        files.put(path, parsed);
        if (parsed.ast().isEmpty()) return;
        stack.add(path);
        for (ImportDecl imp : parsed.ast().get().imports()) {
            String target = loader.resolve(path, imp.path());
            if (!target.endsWith(".flow")) {
                // Never read: a parse error would echo the file's first line into the diagnostic.
                sink.error(DiagnosticCode.LF204, "only rule files (*.flow) can be imported, not \"" + imp.path() + "\"", imp.span());
            } else if (!loader.permits(target)) {
                sink.error(DiagnosticCode.LF204, "import \"" + imp.path() + "\" leaves the rules folder; imports stay inside it", imp.span());
            } else if (stack.contains(target)) {
                sink.error(DiagnosticCode.LF205, "import cycle: " + String.join(" -> ", stack.subList(stack.indexOf(target), stack.size()))
                        + " -> " + target, imp.span());
            } else if (!files.containsKey(target) && loader.read(target).isEmpty()) {
                sink.error(DiagnosticCode.LF204, "imported file not found: " + target, imp.span());
            } else {
                visit(target, stack, loader, sources, files, sink);
            }
        }
        stack.remove(stack.size() - 1);
    }
}
