package io.leadflow.connector.mindbox;

import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A customer sent to Mindbox (seed 004 "Клиенты"): "get existing" by the identifier that holds the
 * RetailCRM customer id, then "edit" when Mindbox has them ({@code processingStatus: Found}) or
 * "import" when it does not ({@code NotFound}), then "confirm mobile phone" when the block asks.
 * With {@code import_only} a found customer is left as she is (no edit): the block only makes sure
 * Mindbox has her (the order flow of seed 004 does so before an order operation, so a customer's
 * first order brings her to Mindbox; her card's changes are the customers flow's).
 * The same steps are safe to run again after a lost answer: an edit repeats the same values, and an
 * import happens only after "get existing" said the customer is not there. The effect's id is the
 * customer's Mindbox id ({@code customer.ids.<customer_internal_id>}); when an import's answer does
 * not carry it [P: the answer's ids are not in the reference], it is read with "get existing".
 */
final class MindboxCustomers {
    private final MindboxClient client;

    MindboxCustomers(MindboxClient client) {
        this.client = client;
    }

    Future<EffectResult> upsert(CreateContact effect, CallCount count) {
        MindboxSettings s = client.settings();
        JsonObject customer = MindboxBodies.customer(effect.fields(), s);
        JsonObject ids = customer.getJsonObject("ids");
        if (ids.getValue(s.customerId()) == null && ids.getValue(s.customerInternalId()) == null) {
            throw new PermanentException("a Mindbox customer needs retailcrm_id (or mindbox_id) to be found again", "retailcrm_id", 0);
        }
        boolean confirm = effect.fields().path("confirm_phone").asBoolean(false);
        boolean importOnly = effect.fields().path("import_only").asBoolean(false);
        return existing(ids, count).compose(found -> {
            if (found != null && importOnly) return Future.succeededFuture(mindboxId(found));
            if (found != null) {
                JsonObject edit = new JsonObject().put("customer", customer.copy().put("ids", idsOf(found, ids)));
                return client.call(MindboxSettings.Op.CUSTOMER_EDIT, edit, true, count).map(a -> {
                    requireSuccess(a, "edit customer");
                    return mindboxId(found);
                });
            }
            return client.call(MindboxSettings.Op.CUSTOMER_IMPORT, new JsonObject().put("customer", customer), true, count).compose(a -> {
                requireSuccess(a, "import customer");
                String id = mindboxId(a.getJsonObject("customer"));
                return id != null ? Future.succeededFuture(id) : existing(ids, count).map(this::mindboxId);
            });
        }).compose(id -> {
            if (id == null) throw new PermanentException("Mindbox did not tell the customer's " + s.customerInternalId(), null, 200);
            if (!confirm) return Future.succeededFuture(id);
            JsonObject body = new JsonObject().put("customer", new JsonObject().put("ids", new JsonObject().put(s.customerInternalId(), number(id)))
                    .put("mobilePhone", customer.getValue("mobilePhone")));
            return client.call(MindboxSettings.Op.CUSTOMER_CONFIRM_PHONE, body, true, count)
                    .map(a -> { requireSuccess(a, "confirm mobile phone"); return id; });
        }).map(id -> new EffectResult(id, count.get()));
    }

    /** The customer Mindbox has under these ids (its {@code customer} object), or null when {@code NotFound}. */
    private Future<JsonObject> existing(JsonObject ids, CallCount count) {
        JsonObject body = new JsonObject().put("customer", new JsonObject().put("ids", ids.copy()));
        return client.call(MindboxSettings.Op.CUSTOMER_GET, body, false, count).map(a -> {
            requireSuccess(a, "get existing customer");
            JsonObject c = a.getJsonObject("customer");
            String status = c == null ? null : c.getString("processingStatus");
            if ("Found".equals(status)) return c;
            if ("NotFound".equals(status)) return null;
            throw new PermanentException("Mindbox answered 'get existing customer' with processingStatus " + status
                    + " (expected Found or NotFound)", null, 200);
        });
    }

    /** Edits address the customer by the ids Mindbox answered with, plus the ones the block maps. */
    private JsonObject idsOf(JsonObject found, JsonObject mapped) {
        JsonObject ids = mapped.copy();
        String id = mindboxId(found);
        if (id != null) ids.put(client.settings().customerInternalId(), number(id));
        return ids;
    }

    private String mindboxId(JsonObject customer) {
        if (customer == null) return null;
        Object id = customer.getJsonObject("ids", new JsonObject()).getValue(client.settings().customerInternalId());
        return id == null ? null : String.valueOf(id);
    }

    static void requireSuccess(JsonObject answer, String what) {
        String status = MindboxClient.status(answer);
        if (!"Success".equals(status)) {
            throw new PermanentException("Mindbox answered " + what + " with " + status + ": "
                    + answer.getString("errorMessage", "(no message)"), null, 200);
        }
    }

    static Object number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
