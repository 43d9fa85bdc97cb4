package io.leadflow.connector.keepincrm;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * KeepinCRM refusals [P]: 422 {@code {"errors": {"field": ["message", …]}}} (the first field
 * named wins), a flat {@code {"errors": ["…"]}}, or {@code message} / {@code error}.
 */
final class KeepinCrmErrors implements ResponseMapper {

    @Override
    public PermanentException rejected(CrmResponse response) {
        JsonObject body = response.jsonObject();
        if (body != null && body.getValue("errors") instanceof JsonObject fields && !fields.isEmpty()) {
            String field = fields.fieldNames().iterator().next();
            return new PermanentException(join(fields.getValue(field)), field, response.status());
        }
        if (body != null && body.getValue("errors") instanceof JsonArray list && !list.isEmpty()) {
            return new PermanentException(join(list), null, response.status());
        }
        if (body != null && (body.getString("message") != null || body.getString("error") != null)) {
            return new PermanentException(body.getString("message", body.getString("error")), null, response.status());
        }
        return new PermanentException("HTTP " + response.status() + ": " + response.text(300), null, response.status());
    }

    private static String join(Object messages) {
        if (!(messages instanceof JsonArray list)) return String.valueOf(messages);
        List<String> out = new ArrayList<>();
        for (Object m : list) out.add(String.valueOf(m));
        return String.join("; ", out);
    }
}
