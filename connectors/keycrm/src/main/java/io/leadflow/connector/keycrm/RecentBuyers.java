package io.leadflow.connector.keycrm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Buyers this connector just found or wrote, by id, for a few minutes. KeyCRM needs a buyer's
 * data where the effect only names the buyer: {@code POST /order} takes a {@code buyer} object,
 * not an id, and {@code PUT /buyer} requires {@code full_name} [C]. With this, a lead's
 * find → create order path costs no extra {@code GET /buyer/{id}}.
 */
final class RecentBuyers {
    private final Cache<String, JsonObject> byId = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

    void remember(JsonObject buyer) {
        if (buyer != null && buyer.getValue("id") != null) byId.put(String.valueOf(buyer.getValue("id")), buyer.copy());
    }

    Optional<JsonObject> get(String id) {
        return Optional.ofNullable(byId.getIfPresent(id)).map(JsonObject::copy);
    }
}
