package io.leadflow.runtime.config;

import java.nio.file.Path;

/**
 * What {@code leadflow serve} runs with. Every field has a default, so a bare {@code serve} works.
 *
 * @param rulesDir    the folder of {@code *.flow} files (default: the current directory)
 * @param dataDir     the journal's folder (default {@code ./leadflow-data})
 * @param host        the bind address (default loopback in sandbox mode, all interfaces otherwise)
 * @param port        the HTTP port (default 8080; 0 = any free port)
 * @param sandbox     every connector pointed at its in-process emulator
 * @param secretsFile the secrets file, or null
 * @param limits      the intake limits
 * @param deliver     run the executor; false journals leads without running them (delivery paused)
 * @param journal     {@code postgresql://…}: the journal is that shared database (several nodes); null: the
 *                    embedded SQLite file in {@code dataDir}
 * @param nodeId      this node's id in a shared journal (unique per node); ignored for the embedded one
 */
public record ServeSettings(Path rulesDir, Path dataDir, String host, int port, boolean sandbox,
                            Path secretsFile, Limits limits, boolean deliver, String journal, String nodeId) {
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA = Path.of("leadflow-data");

    /** The embedded journal in {@code dataDir}. */
    public ServeSettings(Path rulesDir, Path dataDir, String host, int port, boolean sandbox,
                         Path secretsFile, Limits limits, boolean deliver) {
        this(rulesDir, dataDir, host, port, sandbox, secretsFile, limits, deliver, null, null);
    }

    public ServeSettings withJournal(String url, String node) {
        return new ServeSettings(rulesDir, dataDir, host, port, sandbox, secretsFile, limits, deliver, url, node);
    }

    public static ServeSettings defaults(Path rulesDir) {
        return new ServeSettings(rulesDir, DEFAULT_DATA, "0.0.0.0", DEFAULT_PORT, false, null, Limits.DEFAULTS, true);
    }
}
