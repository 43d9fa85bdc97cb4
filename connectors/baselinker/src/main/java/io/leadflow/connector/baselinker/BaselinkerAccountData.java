package io.leadflow.connector.baselinker;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.error.PermanentException;
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
 * values of {@code order_status_id}), cached, for the start-up check and for {@link #check}
 * before every {@code addOrder}: whether addOrder refuses an unknown id itself is [U] (the
 * reference does not say), so an unknown one is refused here, before an order exists.
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

    /**
     * Refuses an {@code order_status_id} or a {@code custom_extra_fields} id the account does not
     * define, naming the rule-file field; succeeds when the order uses neither (no call then).
     */
    Future<Void> check(JsonObject params) {
        Object status = params.getValue("order_status_id");
        JsonObject extra = params.getJsonObject("custom_extra_fields");
        Future<Void> statusOk = status == null ? Future.succeededFuture() : answers.get("getOrderStatusList").map(list -> {
            if (!statusIds(list).contains(String.valueOf(status))) {
                throw new PermanentException("order_status_id " + status + " is not an order status of this Baselinker account", "order_status_id", 0);
            }
            return null;
        });
        if (extra == null || extra.isEmpty()) return statusOk;
        return statusOk.compose(v -> answers.get("getOrderExtraFields").map(list -> {
            Set<String> known = new LinkedHashSet<>();
            fields(list).forEach(f -> known.add(f.id()));
            for (String id : extra.fieldNames()) {
                if (!known.contains(id)) {
                    throw new PermanentException("deal_cf_" + id + " is not an order extra field of this Baselinker account", "deal_cf_" + id, 0);
                }
            }
            return null;
        }));
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
