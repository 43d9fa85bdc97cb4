package io.leadflow.connector.keycrm;

import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** What creating an order and creating a card share: the account, the buyer's data, the status follow-up. */
final class DealWrites {
    final KeycrmClient client;
    final KeycrmCustomFields customFields;
    final KeycrmSettings settings;
    final KeycrmStatuses statuses;
    private final KeycrmContacts contacts;

    DealWrites(KeycrmClient client, KeycrmCustomFields customFields, KeycrmContacts contacts, KeycrmSettings settings) {
        this.client = client;
        this.customFields = customFields;
        this.contacts = contacts;
        this.settings = settings;
        this.statuses = new KeycrmStatuses(client::get);
    }

    /** The mapped {@code status_id} (already typed as a number), or null. */
    static Object status(JsonObject fields) {
        return fields.getValue("status_id");
    }

    /** Fills the buyer's name, phone and email the mapping left out from the linked buyer (none linked: nothing). */
    Future<Void> fillBuyer(JsonObject target, String contactId, CallCount count) {
        boolean complete = target.getValue("full_name") != null && target.getValue("phone") != null;
        if (contactId == null || complete) return Future.succeededFuture();
        return contacts.buyer(contactId, count).map(known -> {
            if (target.getValue("full_name") == null) target.put("full_name", known.getString("full_name"));
            if (target.getValue("phone") == null) target.put("phone", KeycrmContacts.first(known, "phone"));
            if (target.getValue("email") == null) target.put("email", KeycrmContacts.first(known, "email"));
            target.fieldNames().removeIf(k -> target.getValue(k) == null);
            return null;
        });
    }

    /**
     * An update of an order or a card: {@code body} plus the mapped custom fields of {@code model}
     * sent as {@code PUT <path>/{id}}; nothing to change, no call.
     */
    Future<EffectResult> update(String path, String id, JsonObject body, JsonObject fields, KeycrmCustomFields.Model model, CallCount count) {
        return customFields.collect(fields, KeycrmBodies.DEAL_CF, model, count).compose(cf -> {
            KeycrmContacts.withCustomFields(body, cf);
            if (body.isEmpty()) return Future.succeededFuture(new EffectResult(id, count.get()));
            return client.write(HttpMethod.PUT, path + "/" + id, body, count).map(o -> new EffectResult(id, count.get()));
        });
    }

    /**
     * The follow-up {@code PUT <path>/{id}} that sets the status. The record exists by then, so a
     * failure says so: refused → permanent naming the record; anything else → in doubt, and
     * reconcile finishes the job.
     */
    Future<EffectResult> setStatus(String path, String what, String id, Object status, CallCount count) {
        if (status == null) return Future.succeededFuture(new EffectResult(id, count.get()));
        return client.write(HttpMethod.PUT, path + "/" + id, new JsonObject().put("status_id", status), count)
                .map(o -> new EffectResult(id, count.get()))
                .recover(e -> Future.failedFuture(
                        e instanceof PermanentException p ? new PermanentException(what + " " + id
                                + " was created but its status_id was refused: " + p.crmMessage(), p.field(), p.status())
                        : e instanceof AuthException ? e
                        : new InDoubtException(what + " " + id + " was created but setting its status failed ("
                                + e.getMessage() + "); reconcile finishes it", e)));
    }
}
