package io.leadflow.connector.keycrm;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * KeyCRM refusals: {@code {message}} on 400/404 and {@code {message, errors:{field:[text]}}} on 422.
 * That clients read {@code message} is [P]; the Laravel-style {@code errors} object is [U], so
 * a body without it still yields the message and no field.
 */
final class KeycrmErrors implements ResponseMapper {
    @Override
    public PermanentException rejected(CrmResponse response) {
        JsonObject body = response.jsonObject();
        if (body == null) return new PermanentException("HTTP " + response.status() + ": " + response.text(200), null, response.status());
        String message = body.getString("message", "HTTP " + response.status());
        Object errors = body.getValue("errors");
        if (errors instanceof JsonObject e && !e.isEmpty()) {
            String field = e.fieldNames().iterator().next();
            Object texts = e.getValue(field);
            String text = texts instanceof JsonArray a && !a.isEmpty() ? String.valueOf(a.getValue(0)) : String.valueOf(texts);
            return new PermanentException(text, field, response.status());
        }
        return new PermanentException(message, null, response.status());
    }
}
