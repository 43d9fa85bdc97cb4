package io.leadflow.runtime.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The poison-pill guard across crashes: the id of the lead whose rules are being evaluated sits
 * in a small memory-mapped file under the data folder while it is evaluated (a write to the page
 * cache, which outlives the process, so a kill -9, a halt or an exit in the middle leaves it
 * there). At start, a mark left behind counts one crash against that lead in
 * {@code evaluation-crashes.properties}; a lead with {@link #QUARANTINE_AFTER} or more is not
 * evaluated again but quarantined as a dead letter. Evaluation runs on the executor's one
 * context, so one slot is enough; a caught OutOfMemoryError is quarantined at once elsewhere
 * ({@link Preparer}), this catches what kills the process.
 */
public final class EvaluationMarks {
    /** Crashes during a lead's evaluation after which it is quarantined instead of evaluated again. */
    public static final int QUARANTINE_AFTER = 2;
    private static final int SLOT = 256;
    private static final EvaluationMarks NONE = new EvaluationMarks(null, null, Map.of());
    private final MappedByteBuffer slot;
    private final Path crashFile;
    private final Map<String, Integer> crashes;

    private EvaluationMarks(MappedByteBuffer slot, Path crashFile, Map<String, Integer> crashes) {
        this.slot = slot;
        this.crashFile = crashFile;
        this.crashes = crashes;
    }

    /** No marks (tests, and callers without a data folder). */
    public static EvaluationMarks none() {
        return NONE;
    }

    /** Opens the marks under {@code dataDir}, counting a mark a previous process left as one crash of its lead. */
    public static EvaluationMarks open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path crashFile = dataDir.resolve("evaluation-crashes.properties");
            Map<String, Integer> crashes = read(crashFile);
            MappedByteBuffer slot;
            try (FileChannel ch = FileChannel.open(dataDir.resolve("evaluating.mark"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                slot = ch.map(FileChannel.MapMode.READ_WRITE, 0, SLOT);
            }
            String left = current(slot);
            if (left != null) {
                crashes.merge(left, 1, Integer::sum);
                write(crashFile, crashes);
                slot.putInt(0, 0);
            }
            return new EvaluationMarks(slot, crashFile, crashes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the evaluation marks under " + dataDir, e);
        }
    }

    /** Runs {@code work} (one lead's rule evaluation) with the lead's id marked. */
    public <T> T during(String leadId, Supplier<T> work) {
        if (slot == null) return work.get();
        byte[] id = leadId.getBytes(StandardCharsets.UTF_8);
        if (id.length > SLOT - 4) return work.get();
        slot.put(4, id);
        slot.putInt(0, id.length);
        try {
            return work.get();
        } finally {
            slot.putInt(0, 0);
        }
    }

    /** How many processes ended while evaluating this lead's rules. */
    public int crashes(String leadId) {
        return crashes.getOrDefault(leadId, 0);
    }

    /** The lead id a process left marked, or null (for tests). */
    String marked() {
        return slot == null ? null : current(slot);
    }

    Path crashFile() {
        return crashFile;
    }

    private static String current(MappedByteBuffer slot) {
        int len = slot.getInt(0);
        if (len <= 0 || len > SLOT - 4) return null;
        byte[] id = new byte[len];
        slot.get(4, id);
        return new String(id, StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        if (!Files.exists(file)) return out;
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String k : p.stringPropertyNames()) {
            try {
                out.put(k, Integer.parseInt(p.getProperty(k).trim()));
            } catch (NumberFormatException e) {
                out.put(k, QUARANTINE_AFTER);     // unreadable count: treat the lead as the suspect it was recorded as
            }
        }
        return out;
    }

    private static void write(Path file, Map<String, Integer> crashes) throws IOException {
        Properties p = new Properties();
        crashes.forEach((k, v) -> p.setProperty(k, Integer.toString(v)));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "leads during whose rule evaluation a process ended (count); " + QUARANTINE_AFTER + " or more: quarantined");
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
