package io.leadflow.runtime.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The {@code *.flow} files under a folder (recursively, sorted) and a hash of their paths and contents. */
public final class RuleFolder {
    private final Path root;

    public RuleFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public List<Path> files() {
        if (Files.isRegularFile(root)) return List.of(root);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".flow") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rule files under " + root, e);
        }
    }

    /** Changes whenever a file is added, removed, renamed or edited. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files()) {
                md.update(p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                try {
                    md.update(Files.readAllBytes(p));
                } catch (IOException e) {
                    md.update("unreadable".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
