package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A KeyCRM emulator and connectors against it, fresh for each test. */
abstract class KeycrmTestBed {
    static final String PHONE = "+380671234567";
    Vertx vertx;
    KeycrmEmulator emulator;
    private final List<CrmConnector> opened = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        emulator = Await.result(new KeycrmFactory().startEmulator(vertx, 0));
    }

    @AfterEach
    void stop() {
        opened.forEach(c -> Await.result(c.close()));
        Await.result(emulator.stop());
        Await.result(vertx.close());
    }

    CrmConnector connector(Map<String, String> extraSettings) {
        AccountConfig base = emulator.account("main");
        Map<String, String> settings = new HashMap<>(base.settings());
        settings.putAll(extraSettings);
        CrmConnector c = new KeycrmFactory().create(vertx, new AccountConfig(base.connector(), "main", base.baseUrl(), base.secrets(), settings));
        opened.add(c);
        return c;
    }

    CrmConnector connector() {
        return connector(Map.of());
    }

    static ObjectNode fields() {
        return JsonNodeFactory.instance.objectNode();
    }

    static EffectContext ctx(String key) {
        return new EffectContext(key, "lead-" + key, Map.of(), null);
    }

    /**
     * The requests the emulator received with this method and path prefix, as JSON: method, path,
     * uri (raw), query (decoded), contentType, body, authorization ({@code valid Bearer}, {@code wrong}, {@code missing}).
     */
    List<JsonObject> requests(String method, String pathPrefix) {
        return emulator.received().stream().map(KeycrmTestBed::view)
                .filter(r -> r.getString("method").equals(method) && r.getString("path").startsWith(pathPrefix)).toList();
    }

    private static JsonObject view(ReceivedRequest r) {
        QueryStringDecoder uri = new QueryStringDecoder(r.uri());
        JsonObject query = new JsonObject();
        uri.parameters().forEach((k, v) -> query.put(k, v.get(v.size() - 1)));
        String auth = r.headers().get("Authorization");
        return new JsonObject().put("method", r.method()).put("path", uri.path()).put("uri", r.uri()).put("query", query)
                .put("contentType", r.contentType()).put("body", r.body())
                .put("authorization", auth == null ? "missing" : auth.equals("Bearer " + KeycrmEmulator.TEST_KEY) ? "valid Bearer" : "wrong");
    }

    long calls() {
        return emulator.counters().total();
    }
}
