package io.leadflow.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets in force: the file and environment as last read, plus the tokens {@code serve}
 * generated (sandbox sources, the admin token). {@link #reloadIfChanged} re-reads the file when
 * its content changed, so a rotated or revoked token takes effect without a restart; generated
 * tokens survive unless the file now sets the same key. Thread-safe; reading the file blocks.
 */
public final class LiveSecrets {
    private final Path file;
    private final Map<String, String> env;
    private final Map<String, String> generated = new HashMap<>();
    private volatile Secrets current;
    private byte[] lastDigest;

    public LiveSecrets(Path file, Map<String, String> env) throws IOException {
        this.file = file;
        this.env = Map.copyOf(env);
        this.lastDigest = digest();
        this.current = Secrets.load(file, env);
    }

    public Secrets current() {
        return current;
    }

    /** Adds generated tokens ({@code source.<slug>.token}, {@code admin.token}) and returns the secrets now in force. */
    public synchronized Secrets addGenerated(Map<String, String> tokens) {
        generated.putAll(tokens);
        current = current.with(tokens);
        return current;
    }

    /** The new secrets when the file's content changed since the last read; empty otherwise (or with no file). */
    public synchronized Optional<Secrets> reloadIfChanged() throws IOException {
        if (file == null) return Optional.empty();
        byte[] d = digest();
        if (Arrays.equals(d, lastDigest)) return Optional.empty();
        current = Secrets.load(file, env).with(new HashMap<>(generated));
        lastDigest = d;
        return Optional.of(current);
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
