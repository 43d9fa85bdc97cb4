package io.leadflow.runtime.exec;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * Rule versions kept in the journal by content hash, so an ORIGINAL replay still finds its
 * rules after a restart: each loaded version is stored once, and a version that is not in memory
 * is recompiled from its stored texts (on a worker thread) and remembered by the program source.
 */
public final class StoredRules {
    private final Vertx vertx;
    private final Ledger ledger;
    private final ProgramSource programs;
    private final RuleRecompiler compiler;

    public StoredRules(Vertx vertx, Ledger ledger, ProgramSource programs, RuleRecompiler compiler) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.programs = programs;
        this.compiler = compiler;
    }

    /** Stores a loaded version's texts (once per hash). */
    public Future<Void> store(Program program, Map<String, String> sources) {
        return ledger.storeRules(program.contentHash(), sources);
    }

    /** Whether a version can be run: loaded, or stored and so recompilable. */
    public Future<Boolean> available(String hash) {
        if (programs.byHash(hash).isPresent()) return Future.succeededFuture(true);
        return ledger.rules(hash).map(java.util.Optional::isPresent);
    }

    /** The version by hash: from memory, else recompiled from the journal; fails with a reason fit for a dead letter. */
    public Future<Program> restore(String hash) {
        var loaded = programs.byHash(hash);
        if (loaded.isPresent()) return Future.succeededFuture(loaded.get());
        return ledger.rules(hash).compose(texts -> {
            if (texts.isEmpty()) {
                return Future.failedFuture(new IllegalStateException("rule version " + hash + " is neither loaded nor stored"));
            }
            return vertx.executeBlocking(() -> compiler.compile(texts.get()), false).compose(r -> accept(hash, r));
        });
    }

    private Future<Program> accept(String hash, CompileResult r) {
        if (r.program().isEmpty()) {
            return Future.failedFuture(new IllegalStateException("the stored rules of version " + hash
                    + " no longer compile: " + r.diagnostics().stream().findFirst().map(d -> d.message()).orElse("no program")));
        }
        Program p = r.program().get();
        if (!p.contentHash().equals(hash)) {
            return Future.failedFuture(new IllegalStateException("the stored rules of version " + hash
                    + " compile to another version (" + p.contentHash() + ")"));
        }
        programs.remember(p);
        return Future.succeededFuture(p);
    }
}
