package io.leadflow.runtime.journal.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T3 with the kernel as witness: a child JVM appends under {@code strace -f -c}, and the fsync
 * and fdatasync calls it made are counted. With FULL there is at least one per commit; with
 * NORMAL there are far fewer, and the oracle says so. Skipped (not failed) where strace is
 * missing or ptrace is not allowed; {@link FsyncBeforeAckTest} still guards those builds.
 */
class FsyncStraceTest {
    private static final int APPENDS = 2000;
    @TempDir
    Path dir;

    private record Run(long commits, long fsyncs) { }

    private Run run(String durability) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve(durability));
        Path report = dir.resolve(durability + ".strace");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder("strace", "-f", "-c", "-e", "trace=fsync,fdatasync", "-o", report.toString(),
                java, "-cp", cp, FsyncProbeMain.class.getName(), data.toString(), durability, String.valueOf(APPENDS))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe finished");
        Matcher m = Pattern.compile("commits=(\\d+) acks=(\\d+)").matcher(out);
        assertTrue(m.find(), "probe output: " + out);
        long fsyncs = 0;
        for (String line : Files.readAllLines(report)) {
            Matcher s = Pattern.compile("^\\s*[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+(\\d+)\\s+(?:\\d+\\s+)?(fsync|fdatasync)\\s*$").matcher(line);
            if (s.find()) fsyncs += Long.parseLong(s.group(1));
        }
        return new Run(Long.parseLong(m.group(1)), fsyncs);
    }

    private static boolean straceWorks() {
        try {
            Process p = new ProcessBuilder("strace", "-f", "-c", "-o", "/dev/null", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void fullSync_fsyncsAtLeastOncePerCommit_normalIsCaught() throws Exception {
        assumeTrue(straceWorks(), "strace not available here");
        Run full = run("FULL");
        assertEquals(APPENDS, full.commits(), "sequential appends: one commit each");
        assertEquals(List.of(), FsyncOracle.violations(APPENDS, full.commits(), 0, 2, full.fsyncs()),
                "fsyncs=" + full.fsyncs());

        Run normal = run("NORMAL");
        System.out.println("T3 strace: FULL commits=" + full.commits() + " fsyncs=" + full.fsyncs()
                + "; NORMAL commits=" + normal.commits() + " fsyncs=" + normal.fsyncs());
        List<String> v = FsyncOracle.violations(APPENDS, normal.commits(), 0, 2, normal.fsyncs());
        assertFalse(v.isEmpty(), "NORMAL must fail the fsync count (fsyncs=" + normal.fsyncs() + ")");
    }
}
