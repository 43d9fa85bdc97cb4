package io.leadflow.connector.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a performed write; the emulator may drop the answer instead (the {@code commitThenDrop}
 * fault), so route classes answer writes through this rather than directly.
 */
@FunctionalInterface
public interface WriteReply {
    /** Answers {@code ctx} with {@code status} and {@code body}, unless the fault switch drops it. */
    void reply(RoutingContext ctx, int status, JsonObject body);
}
