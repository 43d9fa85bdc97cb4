package io.leadflow.connector.keycrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rule-file custom fields ({@code deal_cf_OR_1037}, {@code deal_cf_1037}) to KeyCRM's
 * {@code custom_fields:[{uuid, value}]}. A full uuid is sent as written. A bare number is looked
 * up among the account's definitions ({@code GET /custom-fields}, cached): the field of the
 * entity's model with that id wins; if there is none, the uuid is taken to be prefix + number
 * ({@code OR_}, {@code LD_}, {@code CT_}) — an assumption [U], the reference says the suffix is
 * usually, not always, the id.
 */
final class KeycrmCustomFields {
    /** KeyCRM's model names and uuid prefixes. */
    enum Model {
        ORDER("order", "OR_"), LEAD("lead", "LD_"), CLIENT("client", "CT_");

        final String api;
        final String prefix;

        Model(String api, String prefix) {
            this.api = api;
            this.prefix = prefix;
        }
    }

    private final RefCache<String, JsonArray> definitions;
    private final Function<CallCount, Future<JsonArray>> load;

    /** @param load reads {@code GET /custom-fields}, counting its call against the given effect */
    KeycrmCustomFields(Function<CallCount, Future<JsonArray>> load) {
        this.load = load;
        this.definitions = RefCache.of(k -> load.apply(new CallCount()));
    }

    /** The {@code [{uuid, value}]} list for every {@code <rulePrefix><id>} field with a non-null value. */
    Future<JsonArray> collect(JsonObject fields, String rulePrefix, Model model, CallCount count) {
        List<Future<JsonObject>> items = new ArrayList<>();
        for (Map.Entry<String, Object> e : fields) {
            if (!e.getKey().startsWith(rulePrefix) || e.getValue() == null) continue;
            Object value = e.getValue();
            items.add(uuid(e.getKey().substring(rulePrefix.length()), model, count)
                    .map(uuid -> new JsonObject().put("uuid", uuid).put("value", value)));
        }
        if (items.isEmpty()) return Future.succeededFuture(new JsonArray());
        return Future.all(items).map(all -> {
            JsonArray out = new JsonArray();
            for (int i = 0; i < all.size(); i++) out.add(all.resultAt(i));
            return out;
        });
    }

    /** The uuid a rule-file id stands for. */
    Future<String> uuid(String id, Model model, CallCount count) {
        if (!id.chars().allMatch(Character::isDigit)) return Future.succeededFuture(id);
        long number = Long.parseLong(id);
        return definitions.get("all", k -> load.apply(count)).map(defs -> {
            for (Object o : defs) {
                JsonObject d = (JsonObject) o;
                if (model.api.equals(d.getString("model")) && d.getLong("id", -1L) == number) return d.getString("uuid");
            }
            return model.prefix + id;
        });
    }

    /**
     * The account's custom fields as the start-up check sees them: order and card (lead) fields
     * are deal fields, client fields contact fields (product fields are not written by Leadflow).
     * A field answers to its uuid and, as {@link #uuid} resolves them, to its numeric id and the
     * uuid's numeric suffix.
     */
    Future<List<AccountField>> accountFields(CallCount count) {
        return definitions.get("all", k -> load.apply(count)).map(defs -> {
            List<AccountField> out = new ArrayList<>();
            for (Object o : defs) {
                if (!(o instanceof JsonObject d) || d.getString("uuid") == null) continue;
                EntityKind entity = switch (String.valueOf(d.getString("model"))) {
                    case "order", "lead" -> EntityKind.DEAL;
                    case "client" -> EntityKind.CONTACT;
                    default -> null;
                };
                if (entity == null) continue;
                String uuid = d.getString("uuid");
                Set<String> aliases = new HashSet<>();
                if (d.getValue("id") != null) aliases.add(String.valueOf(d.getValue("id")));
                String suffix = uuid.replaceFirst("^[A-Z]{2}_", "");
                if (!suffix.equals(uuid) && suffix.chars().allMatch(Character::isDigit)) aliases.add(suffix);
                out.add(new AccountField(entity, uuid, d.getString("name"), d.getString("type"), aliases,
                        Boolean.TRUE.equals(d.getValue("required"))));
            }
            return out;
        });
    }

    /**
     * The rule-file names a stored value is read back under: {@code deal_cf_OR_1037} and, for
     * the usual uuid shape, {@code deal_cf_1037}, so "update only empty" sees it either way.
     */
    static void readBack(JsonArray stored, String rulePrefix, com.fasterxml.jackson.databind.node.ObjectNode into) {
        if (stored == null) return;
        for (Object o : stored) {
            if (!(o instanceof JsonObject f) || f.getString("uuid") == null) continue;
            String uuid = f.getString("uuid");
            String text = f.getValue("value") == null ? null : String.valueOf(f.getValue("value"));
            into.put(rulePrefix + uuid, text);
            String suffix = uuid.replaceFirst("^[A-Z]{2}_", "");
            if (!suffix.equals(uuid)) into.put(rulePrefix + suffix, text);
        }
    }
}
