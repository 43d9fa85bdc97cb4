package io.leadflow.connector.retailcrm.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Answers a performed write; the emulator may drop the answer instead (the {@code commitThenDrop} fault). */
@FunctionalInterface
interface Writes {
    void reply(RoutingContext ctx, int status, JsonObject body);
}
