package io.leadflow.connector.keycrm;

import io.leadflow.connector.EffectResult;
import io.leadflow.connector.KeyedLookup;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.UpdateContact;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Buyers: {@code POST /buyer} (201), {@code PUT /buyer/{id}} (202), and the data of a known buyer. */
final class KeycrmContacts {
    private final KeycrmClient client;
    private final KeycrmCustomFields customFields;
    private final RecentBuyers recent;
    private final KeycrmLookup lookup;

    KeycrmContacts(KeycrmClient client, KeycrmCustomFields customFields, RecentBuyers recent, KeycrmLookup lookup) {
        this.client = client;
        this.customFields = customFields;
        this.recent = recent;
        this.lookup = lookup;
    }

    Future<EffectResult> create(CreateContact effect, CallCount count) {
        JsonObject fields = KeycrmBodies.contactFields(effect.fields());
        JsonObject body = KeycrmBodies.buyer(fields);
        Managers.assign(body, "manager_id", effect.manager());
        return customFields.collect(fields, KeycrmBodies.CONTACT_CF, KeycrmCustomFields.Model.CLIENT, count)
                .compose(cf -> client.write(HttpMethod.POST, "/buyer", withCustomFields(body, cf), count))
                .map(buyer -> {
                    recent.remember(buyer);
                    return new EffectResult(String.valueOf(buyer.getValue("id")), count.get());
                });
    }

    /** {@code full_name} is required on every PUT [C]: when the change does not set it, the current one is sent. */
    Future<EffectResult> update(UpdateContact effect, CallCount count) {
        JsonObject fields = KeycrmBodies.contactFields(effect.fields());
        JsonObject body = KeycrmBodies.buyer(fields);
        Future<JsonObject> named = body.getValue("full_name") != null ? Future.succeededFuture(body)
                : buyer(effect.id(), count).map(current -> body.put("full_name", current.getString("full_name")));
        return named.compose(b -> customFields.collect(fields, KeycrmBodies.CONTACT_CF, KeycrmCustomFields.Model.CLIENT, count)
                        .compose(cf -> client.write(HttpMethod.PUT, "/buyer/" + effect.id(), withCustomFields(b, cf), count)))
                .map(buyer -> {
                    recent.remember(buyer);
                    return new EffectResult(effect.id(), count.get());
                });
    }

    /**
     * After an in-doubt create: a buyer with the effect's phone (else email), through the shared
     * natural-key reconcile ({@link KeyedLookup#reconcileByNaturalKeys}). Buyers carry no
     * external id, and the flow only creates a buyer when none matched, so a match now is taken
     * to be ours; without phone and email nothing can be found and the create is resent.
     */
    Future<Optional<EffectResult>> reconcile(CreateContact effect, CallCount count) {
        return KeyedLookup.reconcileByNaturalKeys(effect.fields(), request -> lookup.find(request, count), count::get);
    }

    /** A buyer's current data: from this connector's recent lookups and writes, else {@code GET /buyer/{id}}. */
    Future<JsonObject> buyer(String id, CallCount count) {
        Optional<JsonObject> known = recent.get(id);
        if (known.isPresent()) return Future.succeededFuture(known.get());
        return client.get("/buyer/" + id, count).map(b -> {
            recent.remember(b);
            return b;
        });
    }

    static String first(JsonObject buyer, String list) {
        JsonArray a = buyer.getJsonArray(list, new JsonArray());
        return a.isEmpty() || a.getValue(0) == null ? null : String.valueOf(a.getValue(0));
    }

    static JsonObject withCustomFields(JsonObject body, JsonArray cf) {
        if (!cf.isEmpty()) body.put("custom_fields", cf);
        return body;
    }
}
