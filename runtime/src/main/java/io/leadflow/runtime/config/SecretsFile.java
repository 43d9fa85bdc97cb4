package io.leadflow.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets file as last read, so a rotated or revoked token takes effect without a restart:
 * {@link #reloadIfChanged} re-reads it when its content changed. Blocking: call from a worker.
 */
public final class SecretsFile {
    private final Path file;
    private final Map<String, String> env;
    private final Map<String, String> generated;
    private byte[] lastDigest;

    /** @param generated sandbox/admin tokens made at start; kept unless the file now sets the same key */
    public SecretsFile(Path file, Map<String, String> env, Map<String, String> generated) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.generated = Map.copyOf(generated);
        this.lastDigest = digest();
    }

    /** The new secrets when the file's content changed since the last read; empty otherwise (or with no file). */
    public synchronized Optional<Secrets> reloadIfChanged() throws IOException {
        if (file == null) return Optional.empty();
        byte[] d = digest();
        if (Arrays.equals(d, lastDigest)) return Optional.empty();
        Secrets next = Secrets.load(file, env).with(generated);
        lastDigest = d;
        return Optional.of(next);
    }

    private byte[] digest() {
        if (file == null) return new byte[0];
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return new byte[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
