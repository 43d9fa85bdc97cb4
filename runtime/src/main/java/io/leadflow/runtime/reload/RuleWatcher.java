package io.leadflow.runtime.reload;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Program;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Watches the rule folder on a worker thread of its own (never an event loop): a WatchService
 * wakes it on a change, and a periodic fingerprint check catches what the WatchService misses
 * (network and container file systems). Each change is compiled whole; a program that compiles
 * goes to {@code onProgram}, a failure keeps the running one. A program that compiles but whose
 * account configuration is refused ({@link #gate}: a pulled source's or a new account's setting
 * the connector cannot read) is a failed reload too: the running one stays.
 */
public final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RuleWatcher.class.getName());

    private final RuleFolder folder;
    private final RuleCompiler compiler;
    /** Who takes a compiled program: the constructor's until {@link #start(java.util.function.BiConsumer)} hands reloads to the running server. */
    private volatile java.util.function.BiConsumer<Program, java.util.Map<String, String>> onProgram;
    private volatile java.util.Map<String, String> runningSources = java.util.Map.of();
    private final Duration pollEvery;
    private final Clock clock;
    private final AtomicReference<ReloadReport> last = new AtomicReference<>();
    private volatile String loadedFingerprint = "";
    private volatile String runningHash;
    private volatile Thread thread;
    private volatile java.util.function.Function<Program, List<String>> gate = p -> List.of();
    private volatile WatchService watch;

    public RuleWatcher(RuleFolder folder, RuleCompiler compiler, Consumer<Program> onProgram, Duration pollEvery, Clock clock) {
        this(folder, compiler, (p, sources) -> onProgram.accept(p), pollEvery, clock);
    }

    /** With the compiled rule texts (path to text) handed over with each program, for the journal's stored versions. */
    public RuleWatcher(RuleFolder folder, RuleCompiler compiler, java.util.function.BiConsumer<Program, java.util.Map<String, String>> onProgram,
                       Duration pollEvery, Clock clock) {
        this.folder = folder;
        this.compiler = compiler;
        this.onProgram = onProgram;
        this.pollEvery = pollEvery;
        this.clock = clock;
    }

    /**
     * What a compiled program must pass before it replaces the running one: the refusals of its
     * account configuration (empty: none). Set by serve once its accounts are ready (the start
     * checks the first program itself); runs on the watcher's thread and may block.
     */
    public void gate(java.util.function.Function<Program, List<String>> refusals) {
        this.gate = refusals;
    }

    /** Compiles the folder now; swaps the program in when it compiled. Synchronized: one compile at a time. */
    public synchronized ReloadReport loadNow() {
        String fingerprint = folder.fingerprint();
        List<Path> files = folder.files();
        CompileResult result;
        try {
            result = compiler.compile(files);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // A compiler bug, or a file that exhausts the compiler's stack or heap, must not take the
            // runtime or this watcher down: the compile's objects are garbage now; report it like a diagnostic.
            result = new CompileResult(java.util.Optional.empty(), List.of(new Diagnostic(Diagnostic.Severity.ERROR, io.leadflow.dsl.DiagnosticCode.LF000,
                    "the compiler failed: " + e, new io.leadflow.dsl.SourceSpan(folder.root().toString(), 1, 1, 1, 1))), java.util.Map.of());
        }
        loadedFingerprint = fingerprint;
        List<String> names = files.stream().map(Path::toString).toList();
        ReloadReport report;
        List<String> refused = result.ok() ? refusals(result.program().orElseThrow()) : List.of();
        if (result.ok() && !refused.isEmpty()) {
            String keep = runningHash == null ? "no program is running yet" : "version " + shortHash(runningHash) + " keeps running";
            String rendered = "the account configuration is refused; " + keep + ":\n  " + String.join("\n  ", refused)
                    + (result.render().isBlank() ? "" : "\n" + result.render());
            report = new ReloadReport(clock.instant(), false, runningHash, names, result.diagnostics(), rendered, refused);
            LOG.warning(() -> "rules under " + folder.root() + " compiled, but " + rendered);
        } else if (result.ok()) {
            Program p = result.program().orElseThrow();
            onProgram.accept(p, result.sources());
            runningHash = p.contentHash();
            runningSources = java.util.Map.copyOf(result.sources());
            report = new ReloadReport(clock.instant(), true, runningHash, names, result.diagnostics(), result.render());
            LOG.info(() -> "rules loaded: " + p.flows().size() + " flow(s) from " + files.size() + " file(s), version " + shortHash(runningHash));
        } else {
            report = new ReloadReport(clock.instant(), false, runningHash, names, result.diagnostics(), result.render());
            String keep = runningHash == null ? "no program is running yet" : "version " + shortHash(runningHash) + " keeps running";
            LOG.warning(() -> "rules under " + folder.root() + " did not compile; " + keep + ":\n" + report.rendered());
        }
        last.set(report);
        return report;
    }

    private List<String> refusals(Program p) {
        try {
            return List.copyOf(gate.apply(p));
        } catch (RuntimeException e) {
            return List.of("the account configuration could not be checked: " + e);
        }
    }

    /** The last compile's outcome, or null before the first. */
    public ReloadReport lastReport() {
        return last.get();
    }

    /** The rule texts (path to text) of the running program; empty before the first successful load. */
    public java.util.Map<String, String> runningSources() {
        return runningSources;
    }

    /**
     * Starts watching, with the reloads handed to {@code onReload} from now on: a server loads its
     * first program with {@link #loadNow()}, builds what runs it, then starts the watcher with the
     * reaction to a new version (which needs those parts), so nothing is wired before it exists.
     */
    public void start(java.util.function.BiConsumer<Program, java.util.Map<String, String>> onReload) {
        this.onProgram = onReload;
        start();
    }

    public void start() {
        try {
            watch = FileSystems.getDefault().newWatchService();
            registerAll();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot watch " + folder.root() + "; falling back to a check every " + pollEvery.toSeconds() + " s", e);
        }
        Thread t = new Thread(this::run, "leadflow-rule-watcher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void registerAll() throws IOException {
        Path root = Files.isDirectory(folder.root()) ? folder.root() : folder.root().toAbsolutePath().getParent();
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                waitForChange();
                if (thread != Thread.currentThread()) return;
                if (!folder.fingerprint().equals(loadedFingerprint)) {
                    Thread.sleep(150); // let an editor finish writing (save = truncate + write)
                    loadNow();
                    if (watch != null) registerAll(); // new sub-folders
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException | IOException | StackOverflowError | OutOfMemoryError e) {
                // The watcher outlives a failed reload: later valid edits are still loaded.
                LOG.log(Level.WARNING, "rule watcher: " + e, e);
            }
        }
    }

    private void waitForChange() throws InterruptedException {
        if (watch == null) {
            Thread.sleep(pollEvery.toMillis());
            return;
        }
        var key = watch.poll(pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        thread = null;
        if (t != null) t.interrupt();
        try {
            if (watch != null) watch.close();
        } catch (IOException ignored) {
            // closing a watch service on shutdown; nothing to do
        }
    }

    static String shortHash(String h) {
        return h == null ? "none" : h.substring(0, Math.min(12, h.length()));
    }
}
