package io.leadflow.connector.catalog;

import io.vertx.core.json.JsonObject;

/** What a run did, product by product: created, updated, hidden (hidden or made unavailable), unchanged, failed. */
public record SyncCounts(int created, int updated, int hidden, int unchanged, int failed) {
    public static final SyncCounts ZERO = new SyncCounts(0, 0, 0, 0, 0);

    SyncCounts plus(Outcome o) {
        return switch (o) {
            case CREATED -> new SyncCounts(created + 1, updated, hidden, unchanged, failed);
            case UPDATED -> new SyncCounts(created, updated + 1, hidden, unchanged, failed);
            case HIDDEN -> new SyncCounts(created, updated, hidden + 1, unchanged, failed);
            case UNCHANGED -> new SyncCounts(created, updated, hidden, unchanged + 1, failed);
            case FAILED -> new SyncCounts(created, updated, hidden, unchanged, failed + 1);
        };
    }

    public JsonObject toJson() {
        return new JsonObject().put("created", created).put("updated", updated).put("hidden", hidden)
                .put("unchanged", unchanged).put("failed", failed);
    }

    public static SyncCounts fromJson(JsonObject o) {
        return new SyncCounts(o.getInteger("created", 0), o.getInteger("updated", 0), o.getInteger("hidden", 0),
                o.getInteger("unchanged", 0), o.getInteger("failed", 0));
    }

    /** One product's outcome. */
    public enum Outcome { CREATED, UPDATED, HIDDEN, UNCHANGED, FAILED }
}
