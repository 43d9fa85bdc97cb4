package io.leadflow.dsl.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Rule files from disk, UTF-8; paths are kept as given (relative paths stay relative in messages).
 * Imports are confined to the rules folders (each folder given, or the folder of each file given):
 * {@link #permits} refuses anything else, symbolic links resolved, before it is read.
 */
public final class FileSourceLoader implements SourceLoader {
    private final List<Path> folders;

    /** A loader whose imports may reach only files under {@code folders}. */
    public FileSourceLoader(List<Path> folders) {
        this.folders = folders.stream().map(FileSourceLoader::real).toList();
    }

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

    @Override
    public boolean permits(String path) {
        Path p = real(Path.of(path));
        return folders.stream().anyMatch(p::startsWith);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
