package io.leadflow.cli;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.ServeSettings;
import io.leadflow.runtime.http.LeadflowServer;
import io.leadflow.runtime.journal.sqlite.PostgresJournal;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.runtime.reload.RuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadflow serve}: the runtime an operator runs; stops gracefully on SIGTERM or SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Receive leads over HTTP, journal them durably, run the rules and deliver to the CRMs.",
                "Secrets (source tokens, webhook secrets, CRM keys) come from LEADFLOW_* environment variables or --secrets."})
public final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RULES_DIR", description = "folder of *.flow files (default: current folder)")
    Path rulesDir = Path.of(".");

    @Option(names = "--sandbox", description = "point every CRM named in the rules at its in-process emulator; generate source tokens")
    boolean sandbox;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port = ServeSettings.DEFAULT_PORT;

    @Option(names = "--host", description = "bind address (default: 127.0.0.1 with --sandbox, else 0.0.0.0)")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "journal folder (default ${DEFAULT-VALUE})")
    Path data = ServeSettings.DEFAULT_DATA;

    @Option(names = "--journal", paramLabel = "URL", description = {"the journal: postgresql://user@host:port/database to share one "
            + "PostgreSQL between several nodes (password from PGPASSWORD); default $LEADFLOW_JOURNAL, else the embedded SQLite file in --data"})
    String journal;

    @Option(names = "--node-id", paramLabel = "ID", description = "this node's id on a shared journal (default $LEADFLOW_NODE_ID, else host-pid)")
    String nodeId;

    @Option(names = "--secrets", paramLabel = "FILE", description = "secrets file (Java properties); default $LEADFLOW_SECRETS")
    Path secrets;

    @Option(names = "--pause-delivery", description = "journal leads but run none (a CRM under maintenance); they run at the next start without it")
    boolean pauseDelivery;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "default per-source request rate (default ${DEFAULT-VALUE})")
    double rate = Limits.DEFAULTS.ratePerSecond();

    private final Supplier<RuleCompiler> compiler;

    public ServeCommand() {
        this(() -> new DslRuleCompiler(ConnectorCatalog.discover()));
    }

    /** With another compiler (tests that run the server before the dsl compiler is wired). */
    public ServeCommand(Supplier<RuleCompiler> compiler) {
        this.compiler = compiler;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(rulesDir)) {
            System.err.println("leadflow serve: no such rules folder: " + rulesDir.toAbsolutePath());
            return 2;
        }
        Path secretsFile = secrets != null ? secrets : envPath("LEADFLOW_SECRETS");
        if (secretsFile != null && !Files.isReadable(secretsFile)) {
            System.err.println("leadflow serve: cannot read the secrets file " + secretsFile.toAbsolutePath());
            return 2;
        }
        String bind = host != null ? host : sandbox ? "127.0.0.1" : "0.0.0.0";
        String journalUrl = journal != null ? journal : blankToNull(System.getenv("LEADFLOW_JOURNAL"));
        if (journalUrl != null && !PostgresJournal.isUrl(journalUrl)) {
            System.err.println("leadflow serve: --journal takes a PostgreSQL URL (postgresql://user@host:5432/leadflow), not '"
                    + journalUrl + "'; leave it out for the embedded SQLite journal in --data");
            return 2;
        }
        String node = nodeId != null ? nodeId : blankToNull(System.getenv("LEADFLOW_NODE_ID"));
        if (node == null) node = defaultNodeId();
        ServeSettings settings = new ServeSettings(rulesDir, data, bind, port, sandbox, secretsFile,
                Limits.DEFAULTS.withRate(rate, rate * 2), !pauseDelivery).withJournal(journalUrl, node);
        LeadflowServer server;
        try {
            server = LeadflowServer.start(settings, compiler.get(), System.getenv(), System.out);
        } catch (LeadflowServer.StartFailure e) {
            System.err.println("leadflow serve: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("leadflow serve: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("leadflow serve: stopping (finishing in-flight work, closing the journal)...");
            server.stop();
            stopped.countDown();
        }, "leadflow-shutdown"));
        stopped.await();
        return 0;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static Path envPath(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
