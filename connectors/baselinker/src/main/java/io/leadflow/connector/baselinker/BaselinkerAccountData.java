package io.leadflow.connector.baselinker;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's own order extra fields ({@code getOrderExtraFields}: the ids {@code deal_cf_<id>}
 * writes into {@code custom_extra_fields}) and order statuses ({@code getOrderStatusList}: the
 * values of {@code order_status_id}), cached, for the start-up check. Not on the lead path:
 * {@code addOrder} itself refuses an unknown id.
 */
final class BaselinkerAccountData {
    private final BaselinkerApi api;
    private final RefCache<String, JsonObject> answers;

    BaselinkerAccountData(BaselinkerApi api) {
        this.api = api;
        this.answers = RefCache.of(method -> api.call(method, new JsonObject(), false, new CallCount()));
    }

    Future<AccountSchema> schema(String account) {
        return answers.get("getOrderExtraFields").compose(extra -> answers.get("getOrderStatusList").map(statuses ->
                new AccountSchema(BaselinkerSchema.DESCRIPTOR.name(), account, fields(extra),
                        Map.of("order_status_id", statusIds(statuses)))));
    }

    /** {@code extra_fields} keyed by id [C]; a list of the same objects is accepted too. */
    private static List<AccountField> fields(JsonObject answer) {
        Object raw = answer.getValue("extra_fields");
        List<Object> items = new ArrayList<>();
        if (raw instanceof JsonObject byId) byId.forEach(e -> items.add(e.getValue()));
        else if (raw instanceof JsonArray list) list.forEach(items::add);
        List<AccountField> out = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof JsonObject f) || f.getValue("extra_field_id") == null) continue;
            out.add(new AccountField(EntityKind.DEAL, String.valueOf(f.getValue("extra_field_id")), f.getString("name"),
                    f.getString("editor_type")));
        }
        return out;
    }

    private static Set<String> statusIds(JsonObject answer) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : answer.getJsonArray("statuses", new JsonArray())) {
            if (o instanceof JsonObject s && s.getValue("id") != null) ids.add(String.valueOf(s.getValue("id")));
        }
        return ids;
    }
}
