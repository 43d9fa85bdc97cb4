package io.leadflow.connector.mindbox;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Mindbox's answers (crm-apis section 5, [C]): HTTP 200 with {@code status} one of
 * {@code Success}, {@code ValidationError} (with {@code validationMessages[].message/location}),
 * {@code ProtocolError}, {@code InternalServerError}, {@code TransactionAlreadyProcessed}; 4xx bodies
 * carry {@code errorMessage} and {@code errorId}; an empty body is an error. {@code ValidationError}
 * is a permanent refusal naming the rule field its {@code location} points at;
 * {@code InternalServerError} is retried. {@code Success}, {@code ProtocolError} and
 * {@code TransactionAlreadyProcessed} go to the caller, which knows what they mean for its operation
 * (a transaction's commit reads the last two).
 */
final class MindboxErrors implements ResponseMapper {
    /** {@code location} → the rule-file field it names. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("/customer/mobilePhone", "phone"), Map.entry("/customer/email", "email"),
            Map.entry("/customer/firstName", "first_name"), Map.entry("/customer/lastName", "last_name"),
            Map.entry("/customer/birthDate", "birth_date"), Map.entry("/customer/ids", "retailcrm_id"),
            Map.entry("/order/ids", "order_id"), Map.entry("/order/coupons", "promo_code"),
            Map.entry("/order/bonusPoints", "bonus_points"), Map.entry("/order/totalPrice", "total_price"),
            Map.entry("/order/lines", "products"), Map.entry("/order/transaction", "order_id"));

    @Override
    public PermanentException rejected(CrmResponse response) {
        JsonObject body = response.jsonObject();
        String message = body == null ? response.text(200) : body.getString("errorMessage", response.text(200));
        Object errorId = body == null ? null : body.getValue("errorId");
        return new PermanentException("Mindbox refused (HTTP " + response.status() + "): " + message
                + (errorId == null ? "" : " [errorId " + errorId + "]"), null, response.status());
    }

    /** A 429 without {@code Retry-After}: Mindbox documents no wait [U]; one second, then the bucket resumes. */
    @Override
    public Duration retryAfterWithoutHeader(CrmResponse response) {
        return response.status() == 429 ? Duration.ofSeconds(1) : null;
    }

    @Override
    public Optional<ConnectorException> envelopeError(CrmResponse response) {
        JsonObject body = response.jsonObject();
        if (body == null) {
            return Optional.of(new PermanentException("Mindbox answered HTTP " + response.status() + " without a JSON body: '"
                    + response.text(100) + "'", null, response.status()));
        }
        String status = body.getString("status");
        if (status == null) return Optional.of(new PermanentException("Mindbox answer has no status: " + response.text(200), null, response.status()));
        return switch (status) {
            case "Success", "ProtocolError", "TransactionAlreadyProcessed" -> Optional.empty();
            case "ValidationError" -> Optional.of(validation(body));
            case "InternalServerError" -> Optional.of(new RetryableException("Mindbox InternalServerError: "
                    + body.getString("errorMessage", "(no message)"), response.status(), null, null));
            default -> Optional.of(new PermanentException("Mindbox answered an unknown status '" + status + "'", null, response.status()));
        };
    }

    private static PermanentException validation(JsonObject body) {
        JsonArray messages = body.getJsonArray("validationMessages", new JsonArray());
        JsonObject first = messages.isEmpty() || !(messages.getValue(0) instanceof JsonObject o) ? new JsonObject() : o;
        String location = first.getString("location");
        String message = first.getString("message", body.getString("errorMessage", "validation error"));
        return new PermanentException(message + (location == null ? "" : " (at " + location + ")"), field(location), 200);
    }

    /** The rule field a {@code location} names ({@code /customer/mobilePhone} → {@code phone}), or the location itself. */
    static String field(String location) {
        if (location == null) return null;
        for (Map.Entry<String, String> e : FIELDS.entrySet()) {
            if (location.equals(e.getKey()) || location.startsWith(e.getKey() + "/")) return e.getValue();
        }
        return location;
    }
}
