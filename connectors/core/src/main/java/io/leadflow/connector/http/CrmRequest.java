package io.leadflow.connector.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP call to a CRM.
 *
 * @param method   the HTTP method
 * @param uri      path and query, relative to the account's base URL ({@code /v1/clients?q[x]=1})
 * @param headers  extra headers (auth, content type)
 * @param body     the body, or null
 * @param mutating true when the call may change the CRM: a transport failure after it was
 *                 written is then in doubt (reconcile before resending); a read just retries
 */
public record CrmRequest(HttpMethod method, String uri, MultiMap headers, Buffer body, boolean mutating) {

    public static CrmRequest get(String uri) {
        return new CrmRequest(HttpMethod.GET, uri, MultiMap.caseInsensitiveMultiMap(), null, false);
    }

    /** A JSON body; {@code mutating} as for the record. */
    public static CrmRequest json(HttpMethod method, String uri, JsonObject body, boolean mutating) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json").add("Accept", "application/json");
        return new CrmRequest(method, uri, h, body.toBuffer(), mutating);
    }

    /** A JSON body from a Jackson tree (the one model of request bodies, {@link CrmJson}). */
    public static CrmRequest json(HttpMethod method, String uri, com.fasterxml.jackson.databind.JsonNode body, boolean mutating) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json").add("Accept", "application/json");
        return new CrmRequest(method, uri, h, CrmJson.buffer(body), mutating);
    }

    /** An {@code application/x-www-form-urlencoded} POST of the given fields, in iteration order. */
    public static CrmRequest form(String uri, Map<String, String> fields, boolean mutating) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/x-www-form-urlencoded");
        return new CrmRequest(HttpMethod.POST, uri, h, Buffer.buffer(formEncode(fields)), mutating);
    }

    public CrmRequest header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** URL-encodes fields as a form body or query string ({@code a=1&b=x%20y}). */
    public static String formEncode(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v == null) return;
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }
}
