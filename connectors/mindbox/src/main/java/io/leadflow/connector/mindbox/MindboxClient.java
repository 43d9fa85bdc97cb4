package io.leadflow.connector.mindbox;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One call of a configured operation [C, PHP SDK v3 client]:
 * {@code POST /v3/operations/sync?endpointId=…&operation=…[&deviceUUID=…]} with a JSON body and
 * {@code Authorization: SecretKey <secret>} (or the legacy {@code Mindbox secretKey="<secret>"}).
 * Every operation is called synchronously: Leadflow needs the answer of a commit or rollback to
 * know the transaction's state (the SDK sends those two asynchronously, which answers nothing).
 */
final class MindboxClient {
    private final CrmHttp http;
    private final MindboxSettings settings;
    private final String authorization;

    MindboxClient(CrmHttp http, MindboxSettings settings, String secret) {
        this.http = http;
        this.settings = settings;
        this.authorization = settings.legacyAuth() ? "Mindbox secretKey=\"" + secret + "\"" : "SecretKey " + secret;
    }

    MindboxSettings settings() {
        return settings;
    }

    /**
     * Calls an operation; the answer is the body of a {@code Success}, {@code ProtocolError} or
     * {@code TransactionAlreadyProcessed} (the others fail, see {@link MindboxErrors}).
     * {@code mutating}: whether a lost answer leaves the call in doubt.
     */
    Future<JsonObject> call(MindboxSettings.Op op, JsonObject body, boolean mutating, CallCount count) {
        String uri = "/v3/operations/sync?endpointId=" + enc(settings.endpointId()) + "&operation=" + enc(settings.op(op))
                + (settings.deviceUuid() == null ? "" : "&deviceUUID=" + enc(settings.deviceUuid()));
        CrmRequest request = CrmRequest.json(HttpMethod.POST, uri, body, mutating).header("Authorization", authorization);
        return http.send(request, count).map(r -> r.jsonObject());
    }

    static String status(JsonObject answer) {
        return answer.getString("status", "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
