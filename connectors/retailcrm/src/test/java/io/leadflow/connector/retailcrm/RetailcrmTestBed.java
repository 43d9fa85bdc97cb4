package io.leadflow.connector.retailcrm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A RetailCRM emulator and connectors against it, fresh for each test. */
abstract class RetailcrmTestBed {
    static final String PHONE = "+380671234567";
    Vertx vertx;
    RetailcrmEmulator emulator;
    private final List<CrmConnector> opened = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        emulator = Await.result(new RetailcrmFactory().startEmulator(vertx, 0));
    }

    @AfterEach
    void stop() {
        opened.forEach(c -> Await.result(c.close()));
        Await.result(emulator.stop());
        Await.result(vertx.close());
    }

    /** A connector for the emulated account; a setting given as null is removed. */
    CrmConnector connector(Map<String, String> changes) {
        AccountConfig base = emulator.account("main");
        Map<String, String> settings = new HashMap<>(base.settings());
        changes.forEach((k, v) -> {
            if (v == null) settings.remove(k);
            else settings.put(k, v);
        });
        CrmConnector c = new RetailcrmFactory().create(vertx, new AccountConfig(base.connector(), "main", base.baseUrl(), base.secrets(), settings));
        opened.add(c);
        return c;
    }

    CrmConnector connector() {
        return connector(Map.of());
    }

    static ObjectNode fields() {
        return JsonNodeFactory.instance.objectNode();
    }

    static EffectContext ctx(String key, String marker, Map<Integer, String> created) {
        return new EffectContext(key, "lead-" + key, created, marker);
    }

    /**
     * The requests the emulator received with this method and path, as JSON: method, path, uri
     * (raw), query (decoded), contentType, body, apiKeyHeader (sent in X-API-KEY), apiKey
     * ({@code valid}, {@code wrong}, {@code missing}).
     */
    List<JsonObject> requests(String method, String path) {
        return emulator.received().stream().map(RetailcrmTestBed::view)
                .filter(r -> r.getString("method").equals(method) && r.getString("path").equals(path)).toList();
    }

    private static JsonObject view(ReceivedRequest r) {
        QueryStringDecoder uri = new QueryStringDecoder(r.uri());
        JsonObject query = new JsonObject();
        uri.parameters().forEach((k, v) -> query.put(k, v.get(v.size() - 1)));
        String header = r.headers().get("X-API-KEY");
        String key = header != null ? header : query.getString("apiKey");
        return new JsonObject().put("method", r.method()).put("path", uri.path()).put("uri", r.uri()).put("query", query)
                .put("contentType", r.contentType()).put("body", r.body()).put("apiKeyHeader", header != null)
                .put("apiKey", key == null ? "missing" : key.equals(RetailcrmEmulator.TEST_KEY) ? "valid" : "wrong");
    }

    /** A form body as a map of decoded fields. */
    static Map<String, String> form(JsonObject request) {
        Map<String, String> out = new HashMap<>();
        for (String pair : request.getString("body").split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
