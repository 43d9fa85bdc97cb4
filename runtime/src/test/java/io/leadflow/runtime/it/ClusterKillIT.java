package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.PgDatabases;
import io.leadflow.runtime.testkit.RecordingCrm;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: two {@code serve} processes on one PostgreSQL database (embedded, or {@code LEADFLOW_PG_URL})
 * and one CRM in this JVM that makes a new record for every POST (a resent effect shows as a
 * duplicate) and takes at most {@link #CRM_LIMIT} requests a second (more: 429, counted); the
 * account's documented limit is set to the same. Leads are posted to both nodes, five per contact;
 * both nodes deliver (each the partitions it holds); one is killed with -9 while it delivers; the
 * other takes its partitions over; the killed node is restarted and takes its share back.
 * Oracle: every lead stored once and DONE; exactly 2 CRM records per lead (contact and deal), 0 keys
 * with two records; per contact, the CRM received the leads' records in acceptance order; the
 * rotation (ann, bob) handed out exact shares; 0 over-limit answers; each node delivered a real share.
 * 10,000 leads in the default build ({@code -Dcluster.leads=N} for another size). The CRM takes 400 requests a second:
 * 20,000 records need 50 s, and the two nodes reach the limit (the test demands a second with at least 80 % of it, so
 * "0 over-limit answers" tests the cluster's limiter; with each node taking the whole limit, 5,249 answers were 429).
 */
class ClusterKillIT {
    static final String TOKEN = "cl_token_0123456789abcdef0123456789";
    static final String ADMIN = "cl_admin_0123456789abcdef012345678";
    static final int CRM_LIMIT = Integer.getInteger("cluster.crm_limit", 400);
    static final int PER_CONTACT = 5;

    @TempDir
    Path tmp;

    @Test
    void twoNodesOnOnePostgres_bothDeliver_oneKilledMidDelivery_everyGuaranteeHolds() throws Exception {
        int n = Integer.getInteger("cluster.leads", 10_000);
        String url = PgDatabases.fresh();
        Vertx vertx = Vertx.vertx();
        ServerProcess[] nodes = new ServerProcess[2];
        long t0 = System.nanoTime();
        try {
            RecordingCrm crm = RecordingCrm.start(vertx, 0, CRM_LIMIT).await();
            Path rules = Files.createDirectories(tmp.resolve("rules"));
            Files.writeString(rules.resolve("orders.flow"), "deliver\n");
            Path secrets = tmp.resolve("secrets.properties");
            Files.writeString(secrets, "source.orders.token=" + TOKEN + "\nadmin.token=" + ADMIN + "\n"
                    + "crm.fake.main.base_url=http://127.0.0.1:" + crm.port() + "\ncrm.fake.main.api_key=k\n"
                    + "crm.fake.main.setting.rate_limit=" + CRM_LIMIT + "/1s\n");
            int[] ports = {ServerProcess.freePort(), ServerProcess.freePort()};
            String[] ids = {"node-a", "node-b"};
            for (int i = 0; i < 2; i++) nodes[i] = startNode(rules, secrets, ports[i], ids[i], url);
            awaitBalanced(url, Duration.ofSeconds(60));

            Map<String, String> acked = new ConcurrentHashMap<>();
            LeadSenders[] senders = new LeadSenders[2];
            int contacts = Math.max(1, n / PER_CONTACT);
            for (int i = 0; i < 2; i++) {
                ConcurrentLinkedQueue<String> todo = new ConcurrentLinkedQueue<>();
                for (int k = i; k < n; k += 2) todo.add("cl-" + k);
                senders[i] = new LeadSenders(ports[i], "orders", TOKEN, todo, acked)
                        .withPhones(key -> String.format("%07d", Integer.parseInt(key.substring(3)) % contacts));
                senders[i].start(16);
            }
            for (LeadSenders s : senders) assertTrue(s.awaitAcked(n, Duration.ofSeconds(120)), "all leads journaled: " + acked.size());
            for (LeadSenders s : senders) s.stop();

            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (crm.records.get() < Math.min(400, 2L * n / 5) && System.nanoTime() < end) Thread.sleep(20);
            Map<String, Long> beforeKill = doneByNode(url);
            int victim = 0;
            long before = crm.records.get();
            nodes[victim].kill9();
            assertTrue(before < 2L * n, "the kill lands while effects are still being delivered (" + before + " of " + 2 * n + ")");
            long doneBefore = beforeKill.values().stream().mapToLong(Long::longValue).sum();
            for (String id : ids) {
                assertTrue(beforeKill.getOrDefault(id, 0L) >= doneBefore / 4, "both nodes delivered a real share before the kill: " + beforeKill);
            }
            awaitPartitions(url, ids[1 - victim], 32, Duration.ofSeconds(60));
            nodes[victim] = startNode(rules, secrets, ports[victim], ids[victim], url);

            end = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (scalar(url, "SELECT count(*) FROM lead WHERE status = 'DONE'") < n && System.nanoTime() < end) Thread.sleep(200);
            awaitPartitions(url, ids[victim], 16, Duration.ofSeconds(60));
            String health = get(ports[victim], "/health");
            Map<String, Long> byNode = doneByNode(url);
            System.out.printf("cluster: %d leads over 2 nodes in %.1f s; delivered before the kill %s, in all %s; %s killed at %d CRM"
                    + " records; CRM records %d, keys %d, duplicate keys %d, over-limit answers %d, peak %d requests in one second (limit %d), managers %s%n", n,
                    (System.nanoTime() - t0) / 1e9, beforeKill, byNode, ids[victim], before, crm.records.get(), crm.byKey.size(),
                    crm.duplicateKeys(), crm.overLimit.get(), crm.peakPerSecond.get(), CRM_LIMIT, managerCounts(crm));
            assertEquals(n, scalar(url, "SELECT count(*) FROM lead"), "each lead stored once, whichever node took it");
            assertEquals(n, scalar(url, "SELECT count(*) FROM lead WHERE status = 'DONE'"), "every lead done");
            assertEquals(0, crm.duplicateKeys(), "no effect made twice");
            assertEquals(2L * n, crm.byKey.size(), "every effect made: a contact and a deal per lead");
            assertEquals(2L * n, crm.records.get(), "and nothing else");
            assertEquals(0, crm.overLimit.get(), "the account's limit held for the cluster");
            assertTrue(crm.peakPerSecond.get() >= CRM_LIMIT * 8 / 10,
                    "the two nodes came within 80 % of the limit in some second, so 0 over-limit answers tests the cluster's limiter: peak "
                    + crm.peakPerSecond.get() + " of " + CRM_LIMIT);
            assertOrderPerContact(url, crm);
            Map<String, Long> managers = managerCounts(crm);
            assertEquals(n, managers.values().stream().mapToLong(Long::longValue).sum());
            assertEquals((n + 1) / 2, managers.getOrDefault("ann", 0L), "exact rotation shares at the CRM: " + managers);
            assertEquals(n / 2, managers.getOrDefault("bob", 0L), "exact rotation shares at the CRM: " + managers);
            assertEquals((n + 1) / 2, scalar(url, "SELECT assigned FROM manager_state WHERE collection = 'sales' AND manager = 'ann'"));
            assertEquals(n / 2, scalar(url, "SELECT assigned FROM manager_state WHERE collection = 'sales' AND manager = 'bob'"));
            // Shares over the whole run are not asserted: after the kill the survivor delivers alone until the restarted node
            // has its partitions back, and when delivery is fast it may finish first (both shares are checked before the kill).
            assertTrue(health.contains("\"node\":\"" + ids[victim] + "\"") && health.contains("\"partitions_total\":32"), health);
        } finally {
            for (ServerProcess p : nodes) {
                if (p != null) p.stop();
            }
            vertx.close().await();
            for (String id : new String[] {"node-a", "node-b"}) leaseLines(tmp.resolve(id + ".log"));
        }
    }

    /** What each node said about its leases (for a failure's story; the log goes with the temporary folder). */
    private static void leaseLines(Path log) throws java.io.IOException {
        if (!Files.exists(log)) return;
        try (var lines = Files.lines(log)) {
            lines.filter(l -> l.contains("partitions") || l.contains("coordinator") || l.contains("WARNING") || l.contains("SEVERE"))
                    .limit(60).forEach(l -> System.out.println(log.getFileName() + ": " + l));
        }
    }

    /** Per contact lane, the CRM's record ids (its arrival order) rise with the leads' acceptance order and effect index. */
    private static void assertOrderPerContact(String url, RecordingCrm crm) throws Exception {
        Map<String, Long> last = new java.util.HashMap<>();
        int lanes = 0;
        try (Connection c = PgDatabases.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT l.lane_key, e.idem_key FROM effect e JOIN lead l ON l.id = e.lead_id "
                     + "ORDER BY l.lane_key, l.seq, e.idx")) {
            while (r.next()) {
                String lane = r.getString(1);
                long id = crm.byKey.get(r.getString(2)).get(0);
                Long prev = last.put(lane, id);
                if (prev == null) lanes++;
                assertTrue(prev == null || prev < id, "lane " + lane + ": record " + id + " arrived before the previous lead's " + prev);
            }
        }
        assertTrue(lanes > 1, "several contacts");
    }

    private static Map<String, Long> managerCounts(RecordingCrm crm) {
        Map<String, Long> out = new java.util.TreeMap<>();
        crm.managers.values().forEach(m -> out.merge(m, 1L, Long::sum));
        return out;
    }

    private static Map<String, Long> doneByNode(String url) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Connection c = PgDatabases.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT node, count(*) FROM lead WHERE status = 'DONE' AND node IS NOT NULL GROUP BY node")) {
            while (r.next()) out.put(r.getString(1), r.getLong(2));
        }
        return out;
    }

    /** Both nodes hold their fair share (16 of 32 partitions each). */
    private static void awaitBalanced(String url, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (scalar(url, "SELECT count(DISTINCT owner) FROM cluster_partition WHERE owner IS NOT NULL") == 2
                        && scalar(url, "SELECT max(c) FROM (SELECT count(*) AS c FROM cluster_partition GROUP BY owner) x") == 16) return;
            } catch (java.sql.SQLException e) {
                // the first node up may still be migrating the schema (seen once under load: no cluster_partition yet)
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two nodes did not split the partitions in " + timeout);
    }

    private static void awaitPartitions(String url, String node, int count, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (scalar(url, "SELECT count(*) FROM cluster_partition WHERE owner = '" + node + "'") == count) return;
            Thread.sleep(100);
        }
        throw new AssertionError(node + " did not come to hold " + count + " partitions in " + timeout);
    }

    private ServerProcess startNode(Path rules, Path secrets, int port, String id, String url) throws Exception {
        return ServerProcess.start(rules, tmp.resolve("data-" + id), secrets, port, tmp.resolve(id + ".log"),
                List.of("--journal", url, "--node-id", id));
    }

    private static long scalar(String url, String sql) throws Exception {
        try (Connection c = PgDatabases.connect(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
