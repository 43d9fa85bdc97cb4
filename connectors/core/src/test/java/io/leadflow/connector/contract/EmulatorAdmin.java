package io.leadflow.connector.contract;

import io.leadflow.connector.Emulator;
import io.leadflow.connector.emulator.EmulatorMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** Drives an emulator's {@code /__emulator/*} endpoints over HTTP, as a sandbox user would. */
public final class EmulatorAdmin {
    private final WebClient web;
    private final int port;

    public EmulatorAdmin(Vertx vertx, Emulator emulator) {
        this.web = WebClient.create(vertx);
        this.port = emulator.port();
    }

    public JsonObject state() {
        return ok(Await.result(web.get(port, "127.0.0.1", "/__emulator/state").send())).bodyAsJsonObject();
    }

    /** The records part of the state. */
    public JsonObject records() {
        return state().getJsonObject("records");
    }

    public void reset() {
        ok(Await.result(web.delete(port, "127.0.0.1", "/__emulator/state").send()));
    }

    public JsonObject faults(JsonObject faults) {
        return ok(Await.result(web.post(port, "127.0.0.1", "/__emulator/faults").sendJsonObject(faults))).bodyAsJsonObject();
    }

    /** Switches how the emulator plays unconfirmed behaviours ({@code EmulatorMode}); kept across resets. */
    public void mode(EmulatorMode mode) {
        ok(Await.result(web.put(port, "127.0.0.1", "/__emulator/mode").sendJsonObject(new JsonObject().put("mode", mode.wire()))));
    }

    /** Every system call the emulator counted since its last reset. */
    public Future<Long> totalRequests() {
        return web.get(port, "127.0.0.1", "/__emulator/state").send().map(r -> {
            JsonObject requests = ok(r).bodyAsJsonObject().getJsonObject("requests", new JsonObject());
            long n = 0;
            for (String op : requests.fieldNames()) n += ((Number) requests.getValue(op)).longValue();
            return n;
        });
    }

    /** Seeds records in the neutral format; returns {@code {"contacts": {ref: id}, "deals": {ref: id}}}. */
    public JsonObject seed(JsonObject seed) {
        return ok(Await.result(web.post(port, "127.0.0.1", "/__emulator/seed").sendJsonObject(seed))).bodyAsJsonObject();
    }

    public Future<Void> close() {
        web.close();
        return Future.succeededFuture();
    }

    private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r) {
        if (r.statusCode() >= 300) throw new AssertionError("emulator admin call failed: " + r.statusCode() + " " + r.bodyAsString());
        return r;
    }
}
