package io.leadflow.connector.catalog;

import io.vertx.core.json.JsonObject;

/**
 * What a run did, product by product: created, updated, hidden (hidden or made unavailable),
 * unchanged, failed; and category by category ({@code categories}): created in the shop, found
 * there as it is ({@code unchanged}), found and changed ({@code updated}: renamed, moved or linked),
 * failed.
 */
public record SyncCounts(int created, int updated, int hidden, int unchanged, int failed, Categories categories) {
    public static final SyncCounts ZERO = new SyncCounts(0, 0, 0, 0, 0);

    /** Product counts only (no category was synced). */
    public SyncCounts(int created, int updated, int hidden, int unchanged, int failed) {
        this(created, updated, hidden, unchanged, failed, Categories.ZERO);
    }

    SyncCounts plus(Outcome o) {
        Categories c = categories;
        return switch (o) {
            case CREATED -> new SyncCounts(created + 1, updated, hidden, unchanged, failed, c);
            case UPDATED -> new SyncCounts(created, updated + 1, hidden, unchanged, failed, c);
            case HIDDEN -> new SyncCounts(created, updated, hidden + 1, unchanged, failed, c);
            case UNCHANGED -> new SyncCounts(created, updated, hidden, unchanged + 1, failed, c);
            case FAILED -> new SyncCounts(created, updated, hidden, unchanged, failed + 1, c);
            case CATEGORY_CREATED -> withCategories(new Categories(c.created() + 1, c.unchanged(), c.failed(), c.updated()));
            case CATEGORY_UNCHANGED -> withCategories(new Categories(c.created(), c.unchanged() + 1, c.failed(), c.updated()));
            case CATEGORY_FAILED -> withCategories(new Categories(c.created(), c.unchanged(), c.failed() + 1, c.updated()));
            case CATEGORY_UPDATED -> withCategories(new Categories(c.created(), c.unchanged(), c.failed(), c.updated() + 1));
        };
    }

    private SyncCounts withCategories(Categories c) {
        return new SyncCounts(created, updated, hidden, unchanged, failed, c);
    }

    public JsonObject toJson() {
        return new JsonObject().put("created", created).put("updated", updated).put("hidden", hidden)
                .put("unchanged", unchanged).put("failed", failed).put("categories", new JsonObject().put("created", categories.created())
                        .put("updated", categories.updated()).put("unchanged", categories.unchanged()).put("failed", categories.failed()));
    }

    public static SyncCounts fromJson(JsonObject o) {
        JsonObject c = o.getJsonObject("categories", new JsonObject());
        return new SyncCounts(o.getInteger("created", 0), o.getInteger("updated", 0), o.getInteger("hidden", 0),
                o.getInteger("unchanged", 0), o.getInteger("failed", 0),
                new Categories(c.getInteger("created", 0), c.getInteger("unchanged", 0), c.getInteger("failed", 0), c.getInteger("updated", 0)));
    }

    /** The categories of a run: made in the shop, found there as they are, refused, found and changed (renamed, moved, linked). */
    public record Categories(int created, int unchanged, int failed, int updated) {
        public static final Categories ZERO = new Categories(0, 0, 0, 0);

        /** None changed. */
        public Categories(int created, int unchanged, int failed) {
            this(created, unchanged, failed, 0);
        }
    }

    /** One product's (or category's) outcome. */
    public enum Outcome { CREATED, UPDATED, HIDDEN, UNCHANGED, FAILED, CATEGORY_CREATED, CATEGORY_UNCHANGED, CATEGORY_FAILED, CATEGORY_UPDATED }
}
