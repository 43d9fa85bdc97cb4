package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * KeyCRM's trigger automation with the "Send Webhook" action (seed 001; crm-apis.md §2
 * "Webhooks"): a trigger names an event ({@code order.change_order_status} or
 * {@code lead.change_lead_status}), a target URL, the method (POST or GET [C]) and optionally the
 * condition "source includes …" (source ids). When a status changes, every matching trigger sends
 * {@code {"event": …, "context": {…}}} [C format]. No signature [P]. A non-2xx answer or no answer
 * is retried up to 3 attempts in all, one second apart [U: one third party says 3 retries].
 * Every delivery is kept (at most 200) for {@code GET /__emulator/triggers}.
 */
public final class KeycrmTriggers {
    static final Set<String> EVENTS = Set.of("order.change_order_status", "lead.change_lead_status");
    private static final int ATTEMPTS = 3;
    private static final long RETRY_MS = 1_000;
    private static final int KEPT = 200;

    private final Vertx vertx;
    private final HttpClient client;
    private final List<JsonObject> triggers = new ArrayList<>();
    private final List<JsonObject> deliveries = new ArrayList<>();

    KeycrmTriggers(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient();
    }

    /**
     * Adds a trigger: {@code {"event", "url", "method": "POST"|"GET", "source_ids": [3]}}.
     *
     * @throws IllegalArgumentException when the event, url or method is not one KeyCRM offers
     */
    public synchronized JsonObject add(JsonObject t) {
        String event = t.getString("event");
        if (!EVENTS.contains(event)) throw new IllegalArgumentException("event must be one of " + EVENTS);
        String url = t.getString("url");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("url must be an http(s) address");
        }
        String method = t.getString("method", "POST");
        if (!method.equals("POST") && !method.equals("GET")) throw new IllegalArgumentException("method must be POST or GET");
        JsonObject stored = new JsonObject().put("id", triggers.size() + 1).put("event", event).put("url", url)
                .put("method", method).put("source_ids", t.getJsonArray("source_ids", new JsonArray()));
        triggers.add(stored);
        return stored.copy();
    }

    /** Triggers and the deliveries made, for inspection. */
    public synchronized JsonObject toJson() {
        return new JsonObject().put("triggers", new JsonArray(new ArrayList<>(triggers)))
                .put("deliveries", new JsonArray(new ArrayList<>(deliveries)));
    }

    /** Forgets every trigger and delivery. */
    public synchronized void clear() {
        triggers.clear();
        deliveries.clear();
    }

    /** A status changed: sends the event to every trigger whose event and source condition match. */
    synchronized void fire(String event, JsonObject context) {
        for (JsonObject t : triggers) {
            if (!t.getString("event").equals(event)) continue;
            JsonArray sources = t.getJsonArray("source_ids");
            if (!sources.isEmpty() && !sources.stream().map(String::valueOf).toList().contains(String.valueOf(context.getValue("source_id")))) {
                continue;
            }
            JsonObject delivery = new JsonObject().put("trigger", t.getInteger("id")).put("event", event)
                    .put("id", context.getValue("id")).put("status_id", context.getValue("status_id")).put("attempts", 0);
            if (deliveries.size() == KEPT) deliveries.remove(0);
            deliveries.add(delivery);
            JsonObject body = new JsonObject().put("event", event).put("context", context.copy());
            vertx.runOnContext(v -> send(t, body, delivery, 1));
        }
    }

    private void send(JsonObject trigger, JsonObject body, JsonObject delivery, int attempt) {
        boolean post = trigger.getString("method").equals("POST");
        String url = trigger.getString("url");
        if (!post) url += (url.contains("?") ? "&" : "?") + "event=" + body.getString("event") + "&id=" + body.getJsonObject("context").getValue("id");
        RequestOptions options = new RequestOptions().setMethod(post ? HttpMethod.POST : HttpMethod.GET).setAbsoluteURI(url)
                .putHeader("Content-Type", "application/json").setTimeout(10_000);
        client.request(options)
                .compose(req -> post ? req.send(Buffer.buffer(body.encode())) : req.send())
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    int status = ar.succeeded() ? ar.result() : 0;
                    synchronized (this) {
                        delivery.put("attempts", attempt).put("status", status);
                        if (ar.failed()) delivery.put("error", String.valueOf(ar.cause().getMessage()));
                    }
                    if ((status < 200 || status >= 300) && attempt < ATTEMPTS) {
                        vertx.setTimer(RETRY_MS, id -> send(trigger, body, delivery, attempt + 1));
                    }
                });
    }
}
