package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.ImportDecl;
import io.leadflow.dsl.parse.ParsedFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The product of {@code load}: every file read (roots and imports) with its text and parse.
 *
 * @param roots   the files the compilation was asked for, before imports
 * @param sources every file's text by path, for rendering diagnostics and the content hash
 * @param files   every file's parse by path (its AST is empty when the text had a syntax error)
 * @param loader  how an import's path resolves
 */
public record Loaded(List<String> roots, Map<String, String> sources, Map<String, ParsedFile> files, SourceLoader loader) {

    public Loaded {
        roots = List.copyOf(roots);
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /** The files {@code path} imports, directly and through other imports (itself excluded). */
    public Set<String> imported(String path) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(path));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            ParsedFile f = files.get(p);
            if (f == null || f.ast().isEmpty()) continue;
            for (ImportDecl i : f.ast().get().imports()) {
                String t = loader.resolve(p, i.path());
                if (!t.equals(path) && seen.add(t)) todo.add(t);
            }
        }
        return seen;
    }

    /** Whether {@code path} or a file it imports could not be parsed or read: its names are then not all known. */
    public boolean incomplete(String path) {
        if (!parsed(path)) return true;
        for (String i : imported(path)) if (!parsed(i)) return true;
        return false;
    }

    private boolean parsed(String path) {
        ParsedFile f = files.get(path);
        return f != null && f.ast().isPresent();
    }
}
