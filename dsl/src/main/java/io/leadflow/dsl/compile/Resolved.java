package io.leadflow.dsl.compile;

import io.leadflow.dsl.parse.ParsedFile;
import java.util.List;
import java.util.Map;

/**
 * The product of {@code resolve-names}: the global scope of every file and the flows to compile.
 *
 * @param fileScopes the global names each file sees (its own and its imports' declarations, and {@code lead})
 */
public record Resolved(Loaded loaded, Map<String, Scope> fileScopes, List<FlowUnit> flows) {

    public Resolved {
        fileScopes = Map.copyOf(fileScopes);
        flows = List.copyOf(flows);
    }

    public Map<String, String> sources() {
        return loaded.sources();
    }

    public Map<String, ParsedFile> files() {
        return loaded.files();
    }
}
