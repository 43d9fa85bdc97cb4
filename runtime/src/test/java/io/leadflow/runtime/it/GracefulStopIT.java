package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of intake: the server stops accepting, answers the requests it is
 * holding, closes the journal and exits; every acknowledged lead is stored, and a lead stored
 * without an answer can only be one whose connection was cut (the shutdown gives up after 10 s).
 */
class GracefulStopIT {
    static final String TOKEN = "gs_token_0123456789abcdef0123456789";

    @TempDir
    Path tmp;

    @Test
    void sigtermDuringIntake_answersWhatItStoredAndExitsCleanly() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("orders.flow"), "flow orders\n");
        Path secrets = tmp.resolve("secrets.properties");
        Files.writeString(secrets, "source.orders.token=" + TOKEN + "\nadmin.token=gs_admin_0123456789abcdef012345678\n");
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("serve.log");
        ConcurrentLinkedQueue<String> todo = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 100_000; i++) todo.add("g-" + i);
        Map<String, String> acked = new ConcurrentHashMap<>();
        int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(rules, data, secrets, port, log);
        LeadSenders senders = new LeadSenders(port, "orders", TOKEN, todo, acked);
        senders.start(64);
        while (acked.size() < 500) Thread.sleep(5);
        long t0 = System.nanoTime();
        int exit = server.stop();
        double took = (System.nanoTime() - t0) / 1e9;
        senders.stop();
        assertTrue(exit == 0 || exit == 143, "exit " + exit);
        assertTrue(took < 15, "stopped in " + took + " s");
        assertTrue(Files.readString(log).contains("stopping (finishing in-flight work"), "the shutdown hook ran");
        Map<String, String> stored = JournalFile.leadsByKey(data);
        for (Map.Entry<String, String> a : acked.entrySet()) assertEquals(a.getValue(), stored.get(a.getKey()), a.getKey());
        Set<String> extras = new HashSet<>(stored.keySet());
        extras.removeAll(acked.keySet());
        extras.removeAll(senders.failed);
        assertEquals(Set.of(), extras, "a stored lead without an answer must be one whose request failed");
        assertEquals("ok", JournalFile.integrity(data));
        System.out.printf("graceful stop: %d acknowledged, %d stored, stopped in %.1f s%n", acked.size(), stored.size(), took);
    }
}
