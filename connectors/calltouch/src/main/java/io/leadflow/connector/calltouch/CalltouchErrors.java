package io.leadflow.connector.calltouch;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Calltouch refusals. The Deals API's error body is not described in the reference [U]: this reads
 * {@code errors[0].message/field}, {@code error.message}, {@code error} or {@code message}, else the
 * body's text, so a wrong guess still shows Calltouch's own words. A 2xx that carries a non-empty
 * {@code errors} list is a refusal too (an answer of that shape must not pass as a made deal).
 */
final class CalltouchErrors implements ResponseMapper {
    @Override
    public PermanentException rejected(CrmResponse response) {
        return read(response.jsonObject(), response).orElseGet(() ->
                new PermanentException("Calltouch HTTP " + response.status() + ": " + response.text(200), null, response.status()));
    }

    @Override
    public Optional<ConnectorException> envelopeError(CrmResponse response) {
        JsonObject body = response.jsonObject();
        if (body == null || !(body.getValue("errors") instanceof JsonArray errors) || errors.isEmpty()) return Optional.empty();
        return read(body, response).map(e -> e);
    }

    private static Optional<PermanentException> read(JsonObject body, CrmResponse response) {
        if (body == null) return Optional.empty();
        String message = null;
        String field = null;
        if (body.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()) {
            Object first = errors.getValue(0);
            if (first instanceof JsonObject e) {
                message = e.getString("message");
                field = e.getString("field");
            } else {
                message = String.valueOf(first);
            }
        } else if (body.getValue("error") instanceof JsonObject e) {
            message = e.getString("message");
        } else if (body.getValue("error") instanceof String s) {
            message = s;
        } else if (body.getValue("message") instanceof String s) {
            message = s;
        }
        if (message == null) return Optional.empty();
        return Optional.of(new PermanentException("Calltouch HTTP " + response.status() + ": " + message, field, response.status()));
    }
}
