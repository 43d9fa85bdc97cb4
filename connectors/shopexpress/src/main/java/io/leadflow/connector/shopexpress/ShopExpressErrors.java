package io.leadflow.connector.shopexpress;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonObject;

/**
 * Refusals of the (unconfirmed) Shop-Express API: the guessed shape {@code {"error": {"code",
 * "message", "field"}}}; a body of another shape (HTML, a bare message) still yields its text, so a
 * wrong guess shows the shop's own words rather than a parse failure.
 */
final class ShopExpressErrors implements ResponseMapper {
    @Override
    public PermanentException rejected(CrmResponse response) {
        JsonObject body = response.jsonObject();
        JsonObject error = body == null ? null : body.getValue("error") instanceof JsonObject e ? e : null;
        if (error == null) {
            String message = body != null && body.getValue("message") instanceof String m ? m : response.text(200);
            return new PermanentException("Shop-Express HTTP " + response.status() + ": " + message, null, response.status());
        }
        return new PermanentException(error.getString("message", "HTTP " + response.status()), error.getString("field"), response.status());
    }
}
