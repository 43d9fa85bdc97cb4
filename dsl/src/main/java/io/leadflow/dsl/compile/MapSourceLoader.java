package io.leadflow.dsl.compile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Rule files from memory (tests, editors): path to text. */
public final class MapSourceLoader implements SourceLoader {
    private final Map<String, String> files;

    public MapSourceLoader(Map<String, String> files) {
        this.files = Map.copyOf(files);
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public String resolve(String from, String target) {
        return Path.of(from).resolveSibling(target).normalize().toString().replace('\\', '/');
    }
}
