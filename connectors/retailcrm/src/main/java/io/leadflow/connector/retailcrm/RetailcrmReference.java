package io.leadflow.connector.retailcrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cached reference data: which group each status code belongs to ({@code /reference/statuses} and
 * {@code /reference/status-groups}, objects keyed by code [C]) and the custom field codes of each
 * entity ({@code /custom-fields?filter[entity]=…}). Unknown custom field codes are refused here
 * because the API drops them silently [P].
 */
final class RetailcrmReference {
    private static final int MAX_PAGES = 20;
    private final RetailcrmClient client;
    private final RefCache<String, Map<String, String>> groups;
    private final RefCache<String, Map<String, JsonObject>> codes;

    RetailcrmReference(RetailcrmClient client) {
        this.client = client;
        this.groups = RefCache.of(k -> loadGroups(new CallCount()));
        this.codes = RefCache.of(entity -> loadCodes(entity, 1, new LinkedHashMap<>(), new CallCount()));
    }

    /** L4: the {@code complete} group is completed, {@code cancel} cancelled, every other group open. */
    Future<StatusGroup> group(String status, CallCount count) {
        if (status == null) return Future.succeededFuture(StatusGroup.OPEN);
        return groups.get("all", k -> loadGroups(count)).map(byStatus -> switch (byStatus.getOrDefault(status, "")) {
            case "complete" -> StatusGroup.COMPLETED;
            case "cancel" -> StatusGroup.CANCELLED;
            default -> StatusGroup.OPEN;
        });
    }

    /** Fails with a permanent error naming the first {@code <prefix><code>} the account does not define. */
    Future<Void> checkCustomFields(JsonObject customFields, String entity, String rulePrefix, CallCount count) {
        if (customFields.isEmpty()) return Future.succeededFuture();
        return definitions(entity, count).compose(known -> {
            for (String code : customFields.fieldNames()) {
                if (!known.containsKey(code)) {
                    return Future.failedFuture(new PermanentException("RetailCRM " + entity + " has no custom field with code '"
                            + code + "' (it would be dropped silently)", rulePrefix + code, 0));
                }
            }
            return Future.succeededFuture();
        });
    }

    private Future<Map<String, String>> loadGroups(CallCount count) {
        return client.get("/reference/statuses", count).compose(statuses ->
                client.get("/reference/status-groups", count).map(groupsAnswer -> {
                    Map<String, String> byStatus = new HashMap<>();
                    JsonObject gs = groupsAnswer.getJsonObject("statusGroups", new JsonObject());
                    for (String group : gs.fieldNames()) {
                        for (Object s : gs.getJsonObject(group).getJsonArray("statuses", new JsonArray())) byStatus.put(String.valueOf(s), group);
                    }
                    JsonObject ss = statuses.getJsonObject("statuses", new JsonObject());
                    for (String code : ss.fieldNames()) {
                        String group = ss.getJsonObject(code).getString("group");
                        if (group != null) byStatus.put(code, group);
                    }
                    return byStatus;
                }));
    }

    /** The custom field definitions of an entity ({@code order}, {@code customer}) by code, cached. */
    Future<Map<String, JsonObject>> definitions(String entity, CallCount count) {
        return codes.get(entity, e -> loadCodes(e, 1, new LinkedHashMap<>(), count));
    }

    /** Every status code of the account (cached with the groups). */
    Future<Set<String>> statusCodes(CallCount count) {
        return groups.get("all", k -> loadGroups(count)).map(byStatus -> Set.copyOf(byStatus.keySet()));
    }

    private Future<Map<String, JsonObject>> loadCodes(String entity, int page, Map<String, JsonObject> into, CallCount count) {
        String uri = "/custom-fields?" + RetailcrmClient.param("filter[entity]", entity) + "&limit=100&page=" + page;
        return client.get(uri, count).compose(answer -> {
            for (Object o : answer.getJsonArray("customFields", new JsonArray())) {
                JsonObject field = (JsonObject) o;
                if (field.getString("code") != null) into.put(field.getString("code"), field);
            }
            int pages = answer.getJsonObject("pagination", new JsonObject()).getInteger("totalPageCount", 1);
            return page < pages && page < MAX_PAGES ? loadCodes(entity, page + 1, into, count) : Future.succeededFuture(into);
        });
    }
}
