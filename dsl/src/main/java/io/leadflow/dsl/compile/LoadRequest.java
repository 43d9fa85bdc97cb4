package io.leadflow.dsl.compile;

import java.util.List;

/** What a compilation starts from: the root files and where files come from. */
public record LoadRequest(List<String> roots, SourceLoader loader) {
    public LoadRequest {
        roots = List.copyOf(roots);
    }
}
