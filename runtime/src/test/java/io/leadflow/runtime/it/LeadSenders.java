package io.leadflow.runtime.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent senders that post leads by idempotency key and retry anything not acknowledged
 * (error, refusal, dropped connection) with the same key, as a well-behaved sender does.
 */
final class LeadSenders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final String token;
    private final Queue<String> todo;
    final Map<String, String> acked;
    /** Keys whose request failed without an answer (the in-doubt set of a kill). */
    final Set<String> failed = ConcurrentHashMap.newKeySet();
    final AtomicInteger idMismatches = new AtomicInteger();
    /** Errors seen, by exception type (for the test's message). */
    final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** The subscriber number of a key's lead (7 digits); by default one per key. */
    private volatile java.util.function.Function<String, String> phones = LeadSenders::phone;

    LeadSenders(int port, String flow, String token, Queue<String> todo, Map<String, String> acked) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/v1/leads/" + flow);
        this.token = token;
        this.todo = todo;
        this.acked = acked;
    }

    /** Leads whose keys map to one number share one contact lane. */
    LeadSenders withPhones(java.util.function.Function<String, String> phoneOf) {
        this.phones = phoneOf;
        return this;
    }

    void start(int senders) {
        for (int i = 0; i < senders; i++) {
            Thread t = new Thread(this::loop, "sender-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop() {
        while (running) {
            String key = todo.poll();
            if (key == null) {
                sleep(5);
                continue;
            }
            try {
                HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key + "\",\"phone\":\"+38067" + phones.apply(key) + "\",\"total\":125.5}"))
                        .build();
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 202) {
                    String id = JSON.readTree(r.body()).get("id").asText();
                    String prev = acked.putIfAbsent(key, id);
                    if (prev != null && !prev.equals(id)) idMismatches.incrementAndGet();
                } else {
                    errors.merge("status " + r.statusCode() + " " + r.body(), 1, Integer::sum);
                    todo.add(key);
                    sleep(20);
                }
            } catch (IOException | RuntimeException e) {
                errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                failed.add(key);
                todo.add(key);
                sleep(20);
            } catch (InterruptedException e) {
                todo.add(key);
                return;
            }
        }
    }

    /** A distinct 7-digit subscriber number per key, so leads fall into many contact lanes. */
    private static String phone(String key) {
        return String.format("%07d", Math.floorMod(key.hashCode(), 10_000_000));
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) t.join(15_000);
    }

    boolean awaitAcked(int total, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (acked.size() < total && System.nanoTime() < end) Thread.sleep(20);
        return acked.size() >= total;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
