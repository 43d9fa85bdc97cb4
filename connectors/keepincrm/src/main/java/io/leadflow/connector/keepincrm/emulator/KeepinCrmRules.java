package io.leadflow.connector.keepincrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * What the emulated KeepinCRM refuses, as 422 {@code {"errors": {"<field>": ["<message>"]}}} [P].
 * Which fields are required is [U] beyond the reference's notes (a client needs a person or a
 * company; a comment inside {@code client_attributes} is rejected); the emulator also requires
 * an agreement and a task title and checks stage ids, client links and custom-field names.
 */
final class KeepinCrmRules {
    private KeepinCrmRules() { }

    /** A refusal: the field and the message, or null when the body is accepted. */
    record Problem(String field, String message) {
        JsonObject body() {
            return new JsonObject().put("errors", new JsonObject().put(field, new JsonArray().add(message)));
        }
    }

    static Problem client(JsonObject c, boolean creating) {
        if (creating && blank(c.getValue("person")) && blank(c.getValue("company"))) return new Problem("person", "can't be blank");
        if (c.containsKey("comment")) return new Problem("comment", "unknown attribute");
        Object email = c.getValue("email");
        if (email != null && !(email instanceof String s && s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) return new Problem("email", "is invalid");
        Object phones = c.getValue("phones");
        if (phones != null) {
            if (!(phones instanceof JsonArray list)) return new Problem("phones", "must be a list");
            for (Object p : list) if (!(p instanceof String s) || s.replaceAll("[^0-9]", "").length() < 5) return new Problem("phones", "is invalid");
        }
        return null;
    }

    static Problem agreement(JsonObject a, boolean creating, Set<Integer> stages, Set<String> customFields, KeepinCrmStore store) {
        if ((creating || a.containsKey("title")) && blank(a.getValue("title"))) return new Problem("title", "can't be blank");
        if (a.getValue("stage_id") != null && !(a.getValue("stage_id") instanceof Number n && stages.contains(n.intValue()))) {
            return new Problem("stage_id", "is invalid");
        }
        if (a.getValue("currency") != null && !(a.getValue("currency") instanceof String s && s.matches("[A-Z]{3}"))) {
            return new Problem("currency", "is invalid");
        }
        if (a.getValue("total") != null && !(a.getValue("total") instanceof Number)) return new Problem("total", "is not a number");
        if (a.getValue("client_id") != null && store.client(a.getValue("client_id")) == null) return new Problem("client", "must exist");
        if (a.getValue("client_attributes") instanceof JsonObject ca) {
            Problem p = client(ca, true);
            if (p != null) return new Problem("client." + p.field(), p.message());
        }
        Object cf = a.getValue("custom_fields");
        if (cf != null) {
            if (!(cf instanceof JsonArray list)) return new Problem("custom_fields", "must be a list");
            for (Object o : list) {
                if (!(o instanceof JsonObject f) || !(f.getValue("name") instanceof String name) || !customFields.contains(name)) {
                    return new Problem("custom_fields", "unknown field " + (o instanceof JsonObject f2 ? f2.getValue("name") : o));
                }
            }
        }
        Object jobs = a.getValue("jobs_attributes");
        if (jobs instanceof JsonArray list) {
            for (Object o : list) if (!(o instanceof JsonObject j) || blank(j.getValue("title"))) return new Problem("jobs.title", "can't be blank");
        }
        return null;
    }

    static Problem task(JsonObject t, KeepinCrmStore store) {
        if (blank(t.getValue("title"))) return new Problem("title", "can't be blank");
        if (t.getValue("agreement_id") != null && store.agreement(t.getValue("agreement_id")) == null) return new Problem("agreement", "must exist");
        if (t.getValue("client_id") != null && store.client(t.getValue("client_id")) == null) return new Problem("client", "must exist");
        return null;
    }

    private static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }
}
