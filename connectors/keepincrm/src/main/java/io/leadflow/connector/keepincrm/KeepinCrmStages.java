package io.leadflow.connector.keepincrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Stage id → status group, from {@code GET /v1/stages} [U: route and {@code result} field assumed;
 * null = open, {@code success} = completed, {@code failure} = cancelled], cached so steady traffic
 * makes no stage calls. A stage id missing from the cache makes the next lookup reload them.
 */
final class KeepinCrmStages {
    private final KeepinCrmApi api;
    private final RefCache<String, Map<String, StatusGroup>> cache;

    KeepinCrmStages(KeepinCrmApi api) {
        this.api = api;
        CallCount background = new CallCount();
        this.cache = RefCache.of(k -> load(background));
    }

    Future<Map<String, StatusGroup>> groups(CallCount count) {
        return cache.get("stages", k -> load(count));
    }

    /** Drop the cached stages (a deal showed a stage id they do not know: stages changed). */
    void forget() {
        cache.invalidate("stages");
    }

    private Future<Map<String, StatusGroup>> load(CallCount count) {
        return api.list("/stages", count).map(items -> {
            Map<String, StatusGroup> m = new HashMap<>();
            for (Object o : items) {
                if (!(o instanceof JsonObject s)) continue;
                String result = s.getString("result");
                m.put(String.valueOf(s.getValue("id")), result == null ? StatusGroup.OPEN
                        : result.equals("success") ? StatusGroup.COMPLETED : StatusGroup.CANCELLED);
            }
            return Map.copyOf(m);
        });
    }
}
