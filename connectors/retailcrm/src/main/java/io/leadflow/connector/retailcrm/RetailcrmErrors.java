package io.leadflow.connector.retailcrm;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RetailCRM's envelope {@code {success:false, errorMsg, errors}} where {@code errors} is an object
 * (field → message) or an array of strings [C: official Go client]. The first field error is
 * reported with its field; {@code Parameter 'x' is missing} names {@code x}. A body that starts
 * with {@code <} is the HTML page of an account that does not exist [C].
 */
final class RetailcrmErrors implements ResponseMapper {
    private static final Pattern MISSING = Pattern.compile("Parameter '([^']+)' is missing");

    @Override
    public PermanentException rejected(CrmResponse response) {
        return refusal(response);
    }

    /** A 2xx with {@code success:false} is a refusal too. */
    @Override
    public Optional<ConnectorException> envelopeError(CrmResponse response) {
        JsonObject body = response.jsonObject();
        if (body != null && Boolean.FALSE.equals(body.getValue("success"))) return Optional.of(refusal(response));
        return Optional.empty();
    }

    static PermanentException refusal(CrmResponse response) {
        int status = response.status();
        String text = response.text(200);
        if (text.stripLeading().startsWith("<")) {
            return new PermanentException("RetailCRM account does not exist (HTML answer, HTTP " + status + ")", null, status);
        }
        JsonObject body = response.jsonObject();
        if (body == null) return new PermanentException("HTTP " + status + ": " + text, null, status);
        String errorMsg = body.getString("errorMsg", "HTTP " + status);
        Object errors = body.getValue("errors");
        if (errors instanceof JsonObject e && !e.isEmpty()) {
            String field = e.fieldNames().iterator().next();
            return new PermanentException(String.valueOf(e.getValue(field)), field, status);
        }
        if (errors instanceof JsonArray a && !a.isEmpty()) {
            return new PermanentException(errorMsg + ": " + a.getValue(0), null, status);
        }
        Matcher m = MISSING.matcher(errorMsg);
        return new PermanentException(errorMsg, m.find() ? m.group(1) : null, status);
    }
}
