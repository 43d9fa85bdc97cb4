package io.leadflow.runtime.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.Program;
import io.leadflow.runtime.exec.ProgramHolder;
import io.leadflow.runtime.testkit.StubCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleWatcherTest {
    @TempDir
    Path dir;

    @Test
    void brokenFile_keepsTheRunningProgramAndReportsDiagnostics() throws Exception {
        Files.writeString(dir.resolve("orders.flow"), "flow orders\n");
        ProgramHolder programs = new ProgramHolder();
        RuleWatcher w = new RuleWatcher(new RuleFolder(dir), new StubCompiler(), programs::swap, Duration.ofMillis(100), Clock.systemUTC());
        assertTrue(w.loadNow().ok());
        Program before = programs.current();
        Files.writeString(dir.resolve("orders.flow"), "flow orders\nthis is BROKEN\n");
        ReloadReport r = w.loadNow();
        assertFalse(r.ok());
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF101, r.diagnostics().get(0).code());
        assertTrue(r.rendered().contains("orders.flow:2:9"), r.rendered());
        assertEquals(before, programs.current(), "the running program stays");
        assertEquals(before.contentHash(), r.contentHash());
    }

    @Test
    void changedFolder_isPickedUpByTheWatcherThread() throws Exception {
        Files.writeString(dir.resolve("a.flow"), "flow a\n");
        ProgramHolder programs = new ProgramHolder();
        try (RuleWatcher w = new RuleWatcher(new RuleFolder(dir), new StubCompiler(), programs::swap, Duration.ofMillis(200), Clock.systemUTC())) {
            w.loadNow();
            String first = programs.current().contentHash();
            w.start();
            Files.writeString(dir.resolve("b.flow"), "flow b\n");
            awaitTrue(() -> programs.current().flows().size() == 2, Duration.ofSeconds(10));
            assertNotEquals(first, programs.current().contentHash());
            Files.writeString(dir.resolve("b.flow"), "BROKEN\n");
            awaitTrue(() -> w.lastReport() != null && !w.lastReport().ok(), Duration.ofSeconds(10));
            assertEquals(2, programs.current().flows().size(), "the broken edit did not replace the program");
        }
    }

    @Test
    void compilerCrash_isADiagnosticNotAnException() throws Exception {
        Files.writeString(dir.resolve("a.flow"), "flow a\n");
        RuleWatcher w = new RuleWatcher(new RuleFolder(dir), files -> {
            throw new IllegalStateException("boom");
        }, p -> { }, Duration.ofSeconds(1), Clock.systemUTC());
        ReloadReport r = w.loadNow();
        assertFalse(r.ok());
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF000, r.diagnostics().get(0).code());
    }

    /** Issue 18 point 13: a reload whose compile throws an Error (out of memory) is a failed reload; the watcher keeps loading later edits. */
    @Test
    void reloadThatRunsOutOfMemory_isReported_andTheWatcherLoadsTheNextEdit() throws Exception {
        Files.writeString(dir.resolve("a.flow"), "flow a\n");
        ProgramHolder programs = new ProgramHolder();
        StubCompiler real = new StubCompiler();
        RuleCompiler compiler = files -> {
            for (Path f : files) {
                try {
                    if (Files.readString(f).contains("HUGE")) throw new OutOfMemoryError("Java heap space");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return real.compile(files);
        };
        try (RuleWatcher w = new RuleWatcher(new RuleFolder(dir), compiler, programs::swap, Duration.ofMillis(200), Clock.systemUTC())) {
            w.loadNow();
            w.start();
            Files.writeString(dir.resolve("a.flow"), "flow a\nHUGE\n");
            awaitTrue(() -> w.lastReport() != null && !w.lastReport().ok(), Duration.ofSeconds(10));
            assertTrue(w.lastReport().rendered().contains("OutOfMemoryError"), w.lastReport().rendered());
            Files.writeString(dir.resolve("b.flow"), "flow b\n");
            Files.writeString(dir.resolve("a.flow"), "flow a\n");
            awaitTrue(() -> w.lastReport().ok() && programs.current().flows().size() == 2, Duration.ofSeconds(10));
        }
    }

    static void awaitTrue(BooleanSupplier c, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within " + timeout);
            Thread.sleep(20);
        }
    }
}
