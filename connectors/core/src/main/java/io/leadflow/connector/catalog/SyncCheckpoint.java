package io.leadflow.connector.catalog;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * How far one run got, stored after every product so a run killed at any moment resumes where it
 * stopped: the period it runs for, the phase ({@code categories}, {@code items}, then {@code missing}), the
 * last record done in that phase (source categories parents first, source products in numeric
 * id order, then shop ids), the product being
 * written when it stopped ({@code pending}, with the outcome it would count) and the counts so far.
 */
public record SyncCheckpoint(Instant period, String phase, String lastDone, String pending, String pendingOutcome,
                             SyncCounts counts, boolean finished) {

    /** The first phase: the shop's categories (then {@code items}, then {@code missing}). */
    static final String CATEGORIES = "categories";

    static SyncCheckpoint start(Instant period) {
        return new SyncCheckpoint(period, CATEGORIES, null, null, null, SyncCounts.ZERO, false);
    }

    SyncCheckpoint pending(String id, SyncCounts.Outcome outcome) {
        return new SyncCheckpoint(period, phase, lastDone, id, outcome.name(), counts, false);
    }

    SyncCheckpoint done(String id, SyncCounts.Outcome outcome) {
        return new SyncCheckpoint(period, phase, id, null, null, counts.plus(outcome), false);
    }

    SyncCheckpoint phase(String next) {
        return new SyncCheckpoint(period, next, null, null, null, counts, false);
    }

    SyncCheckpoint finish() {
        return new SyncCheckpoint(period, phase, lastDone, null, null, counts, true);
    }

    public JsonObject toJson() {
        return new JsonObject().put("period", period.toString()).put("phase", phase).put("lastDone", lastDone)
                .put("pending", pending).put("pendingOutcome", pendingOutcome).put("counts", counts.toJson()).put("finished", finished);
    }

    public static SyncCheckpoint fromJson(JsonObject o) {
        return new SyncCheckpoint(Instant.parse(o.getString("period")), o.getString("phase"), o.getString("lastDone"),
                o.getString("pending"), o.getString("pendingOutcome"), SyncCounts.fromJson(o.getJsonObject("counts", new JsonObject())),
                o.getBoolean("finished", false));
    }
}
