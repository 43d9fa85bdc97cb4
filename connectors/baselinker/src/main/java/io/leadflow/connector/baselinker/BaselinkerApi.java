package io.leadflow.connector.baselinker;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Baselinker method call: form POST {@code method=…&parameters=<JSON>} to {@code /connector.php} with {@code X-BLToken}. */
final class BaselinkerApi {
    static final String PATH = "/connector.php";
    private final CrmHttp http;
    private final String token;

    BaselinkerApi(CrmHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /** The SUCCESS envelope of the method, or a typed failure. */
    Future<JsonObject> call(String method, JsonObject parameters, boolean mutating, CallCount count) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", method);
        form.put("parameters", parameters.encode());
        CrmRequest request = CrmRequest.form(PATH, form, mutating).header("X-BLToken", token);
        return http.send(request, count).map(r -> r.jsonObject());
    }

}
