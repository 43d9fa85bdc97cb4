package io.leadflow.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code connections} keep-alive connections, each sending the
 * next lead as soon as the previous answer arrives, until the time or the count runs out.
 * Latency is measured per request from send to full response.
 */
final class LoadClient {
    /** One run's figures. */
    record Result(String name, long ok, long errors, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) return Double.NaN;
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    private final Vertx vertx;
    private final int port;
    private final String path;
    private final String token;
    private final int connections;

    LoadClient(Vertx vertx, int port, String path, String token, int connections) {
        this.vertx = vertx;
        this.port = port;
        this.path = path;
        this.token = token;
        this.connections = connections;
    }

    Result run(String name, double seconds, int maxLeads, String keyPrefix) throws InterruptedException {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections));
        long[] lat = new long[maxLeads];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) sendNext(http, next, recorded, errors, lat, deadline, maxLeads, keyPrefix, done);
        done.await((long) seconds + 60, TimeUnit.SECONDS);
        double took = (System.nanoTime() - start) / 1e9;
        http.close().await();
        long[] sorted = Arrays.copyOf(lat, recorded.get());
        Arrays.sort(sorted);
        return new Result(name, sorted.length, errors.get(), took, sorted);
    }

    private void sendNext(HttpClient http, AtomicInteger next, AtomicInteger recorded, AtomicLong errors, long[] lat,
                          long deadline, int max, String prefix, CountDownLatch done) {
        int n = next.getAndIncrement();
        if (n >= max || System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        String key = prefix + n;
        Buffer body = Buffer.buffer("{\"key\":\"" + key + "\",\"order_id\":" + n + ",\"phone\":\"+38067" + (1000000 + n % 9000000)
                + "\",\"name\":\"Load test\",\"total\":125.50,\"utm_source\":\"bench\"}");
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(path)
                .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token)
                .putHeader("Idempotency-Key", key);
        long t0 = System.nanoTime();
        http.request(o).compose(req -> req.send(body)).compose(res -> res.body().map(b -> res.statusCode())).onComplete(ar -> {
            if (ar.succeeded() && ar.result() / 100 == 2) {
                int i = recorded.getAndIncrement();
                if (i < lat.length) lat[i] = System.nanoTime() - t0;
            } else {
                errors.incrementAndGet();
            }
            sendNext(http, next, recorded, errors, lat, deadline, max, prefix, done);
        });
    }
}
