package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.testkit.RecordingCrm;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T2 (RELIABILITY.md section 7): leads are journaled, then the server is killed with SIGKILL
 * again and again while the executor delivers them (each lead: create contact, then a deal for
 * it) to a CRM in this test's JVM that makes a new record for every POST (so a resent effect
 * would show as a duplicate) and answers after 40–120 ms (so kills land between send and record).
 * Oracle: the CRM holds exactly 2 records per lead, 0 keys with two records, every lead DONE.
 * CI size: 2,000 leads, 4 kills about 1.2 s apart; full: {@code -Dt2.leads=10000 -Dt2.kills=10 -Dt2.killEveryMs=3000}.
 */
class KillDuringDeliveryIT {
    static final String TOKEN = "t2_token_0123456789abcdef0123456789";

    @TempDir
    Path tmp;

    @Test
    void kill9DuringDelivery_deliversEveryEffectExactlyOnce() throws Exception {
        int n = Integer.getInteger("t2.leads", 2000);
        int kills = Integer.getInteger("t2.kills", 4);
        int every = Integer.getInteger("t2.killEveryMs", 1200);
        Vertx vertx = Vertx.vertx();
        try {
            RecordingCrm crm = RecordingCrm.start(vertx, 0).await();
            Path rules = Files.createDirectories(tmp.resolve("rules"));
            Files.writeString(rules.resolve("orders.flow"), "deliver\n");
            Path secrets = tmp.resolve("secrets.properties");
            Files.writeString(secrets, "source.orders.token=" + TOKEN + "\nadmin.token=t2_admin_0123456789abcdef012345678\n"
                    + "crm.fake.main.base_url=http://127.0.0.1:" + crm.port() + "\ncrm.fake.main.api_key=k\n");
            Path data = tmp.resolve("data");
            Path log = tmp.resolve("serve.log");
            int port = ServerProcess.freePort();
            ConcurrentLinkedQueue<String> todo = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < n; i++) todo.add("t2-" + i);
            Map<String, String> acked = new ConcurrentHashMap<>();
            ServerProcess server = ServerProcess.start(rules, data, secrets, port, log);
            LeadSenders senders = new LeadSenders(port, "orders", TOKEN, todo, acked);
            senders.start(64);
            assertTrue(senders.awaitAcked(n, Duration.ofSeconds(60)), "all leads journaled: " + acked.size());
            senders.stop();
            Random random = new Random();
            long killedDuringDelivery = 0;
            for (int k = 0; k < kills; k++) {
                Thread.sleep(every / 2 + random.nextInt(every));
                long before = crm.records.get();
                server.kill9();
                if (before < 2L * n) killedDuringDelivery++;
                assertEquals("ok", JournalFile.integrity(data));
                server = ServerProcess.start(rules, data, secrets, port, log);
            }
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (JournalFile.countWithStatus(data, "DONE") < n && System.nanoTime() < end) Thread.sleep(100);
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "graceful stop, exit " + exit);
            System.out.printf("T2: %d leads, %d kills (%d during delivery), CRM records %d, keys %d, duplicate keys %d%n",
                    n, kills, killedDuringDelivery, crm.records.get(), crm.byKey.size(), crm.duplicateKeys());
            assertTrue(killedDuringDelivery > 0, "at least one kill must land while effects are still being delivered");
            assertEquals(n, JournalFile.countWithStatus(data, "DONE"), "every lead done");
            assertEquals(0, crm.duplicateKeys(), "no effect made twice");
            assertEquals(2L * n, crm.byKey.size(), "every effect made: a contact and a deal per lead");
            assertEquals(2L * n, crm.records.get(), "and nothing else");
            assertEquals("ok", JournalFile.integrity(data));
        } finally {
            vertx.close().await();
        }
    }
}
