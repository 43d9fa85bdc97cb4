package io.leadflow.connector.keepincrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The neutral seed format (see EmulatorServer) as KeepinCRM clients and agreements; phones stored exactly as given. */
final class KeepinCrmSeeder {
    private KeepinCrmSeeder() { }

    static JsonObject seed(JsonObject request, KeepinCrmStore store) {
        JsonObject contactIds = new JsonObject();
        JsonObject dealIds = new JsonObject();
        for (Object o : request.getJsonArray("contacts", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            JsonObject body = new JsonObject().put("person", c.getString("name")).put("email", c.getString("email"))
                    .put("phones", c.getString("phone") == null ? new JsonArray() : new JsonArray().add(c.getString("phone")))
                    .put("main_responsible_id", number(c.getString("manager")));
            JsonObject saved = store.addClient(body, instant(c.getString("createdAt")));
            contactIds.put(c.getString("ref"), String.valueOf(saved.getValue("id")));
        }
        for (Object o : request.getJsonArray("deals", new JsonArray())) {
            JsonObject d = (JsonObject) o;
            Integer stage = KeepinCrmEmulator.STAGE_OF_GROUP.get(d.getString("group", "open"));
            if (stage == null) throw new IllegalArgumentException("group must be open, completed or cancelled");
            JsonArray custom = new JsonArray();
            d.getJsonObject("fields", new JsonObject()).forEach(f -> custom.add(new JsonObject()
                    .put("name", f.getKey().replace("deal_cf_", "field_")).put("value", f.getValue())));
            String contact = d.getString("contact");
            JsonObject body = new JsonObject().put("title", d.getString("title", "Deal")).put("stage_id", stage)
                    .put("client_id", contact == null ? null : number(contactIds.getString(contact, contact)))
                    .put("main_responsible_id", number(d.getString("manager"))).put("custom_fields", custom);
            JsonObject saved = store.addAgreement(body, instant(d.getString("createdAt")));
            dealIds.put(d.getString("ref"), String.valueOf(saved.getValue("id")));
        }
        return new JsonObject().put("contacts", contactIds).put("deals", dealIds);
    }

    private static Instant instant(String s) {
        return s == null ? Instant.now() : Instant.parse(s);
    }

    private static Long number(String s) {
        return s == null ? null : Long.parseLong(s);
    }
}
