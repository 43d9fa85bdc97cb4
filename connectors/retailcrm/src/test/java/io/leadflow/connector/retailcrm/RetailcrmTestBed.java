package io.leadflow.connector.retailcrm;

import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.ConnectorTestBed;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A RetailCRM emulator and connectors against it, fresh for each test. */
abstract class RetailcrmTestBed extends ConnectorTestBed<RetailcrmEmulator> {

    @Override
    protected ConnectorFactory factory() {
        return new RetailcrmFactory();
    }

    @Override
    protected Future<RetailcrmEmulator> startEmulator(Vertx vertx) {
        return new RetailcrmFactory().startEmulator(vertx, 0);
    }

    /** {@code apiKeyHeader} (sent in X-API-KEY) and {@code apiKey}: {@code valid}, {@code wrong} or {@code missing}. */
    /**
     * The call timeout ({@code timeout_ms}) of the bed's connectors. These tests check what goes on
     * the wire, not timing; at the 10 s default the first call of a test class (a new Vert.x, the
     * emulator's first request, class loading and JIT) took up to 10.8 s on a loaded 2-core
     * machine and timed out. Call timeouts are tested in CrmHttpTest. A test that sets its own
     * {@code timeout_ms} keeps it.
     */
    static final String TIMEOUT_MS = System.getProperty("retailcrm.test.timeoutMs", "60000");

    @Override
    protected io.leadflow.connector.CrmConnector connector(Map<String, String> changes) {
        Map<String, String> withTimeout = new HashMap<>();
        withTimeout.put("timeout_ms", TIMEOUT_MS);
        withTimeout.putAll(changes);
        return super.connector(withTimeout);
    }

    @Override
    protected void describeAuth(ReceivedRequest r, JsonObject view) {
        String header = r.headers().get("X-API-KEY");
        String key = header != null ? header : view.getJsonObject("query").getString("apiKey");
        view.put("apiKeyHeader", header != null)
                .put("apiKey", key == null ? "missing" : key.equals(RetailcrmEmulator.TEST_KEY) ? "valid" : "wrong");
    }

    static EffectContext ctx(String key, String marker, Map<Integer, String> created) {
        return new EffectContext(key, "lead-" + key, created, marker);
    }

    /** The requests the emulator received with this method and path, as JSON views. */
    List<JsonObject> requests(String method, String path) {
        return received(method, path::equals);
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
