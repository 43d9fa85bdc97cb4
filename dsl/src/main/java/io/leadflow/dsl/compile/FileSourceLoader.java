package io.leadflow.dsl.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Rule files from disk, UTF-8; paths are kept as given (relative paths stay relative in messages). */
public final class FileSourceLoader implements SourceLoader {

    @Override
    public Optional<String> read(String path) {
        try {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) return Optional.empty();
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String resolve(String from, String target) {
        return Path.of(from).resolveSibling(target).normalize().toString();
    }
}
