package io.leadflow.connector.source;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request a system pushed to Leadflow, as received (the runtime's edge has already
 * authenticated it): method, content type, query and form parameters, headers (lower-case
 * names) and the raw body.
 */
public record WebhookDelivery(String method, String contentType, Map<String, List<String>> parameters,
                              Map<String, String> headers, String body) {
    public WebhookDelivery {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
