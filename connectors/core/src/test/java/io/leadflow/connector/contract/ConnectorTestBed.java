package io.leadflow.connector.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.emulator.EmulatorServer;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For a module's adapter tests that need a fresh emulator (and empty connector caches) per test:
 * a Vertx and a running emulator per test, connectors built against it and closed after the test,
 * and the requests the emulator received as JSON views for encoding assertions.
 */
public abstract class ConnectorTestBed<E extends EmulatorServer> {
    protected static final String PHONE = "+380671234567";
    protected Vertx vertx;
    protected E emulator;
    private final List<CrmConnector> opened = new ArrayList<>();

    /** The module's factory, used to build connectors. */
    protected abstract ConnectorFactory factory();

    /** Starts the emulator under test (port 0). */
    protected abstract Future<E> startEmulator(Vertx vertx);

    /**
     * Adds how the request authenticated to its view (e.g. {@code "authorization": "valid Bearer"});
     * {@code view} already holds method, path, uri, query (decoded), contentType and body.
     */
    protected abstract void describeAuth(ReceivedRequest request, JsonObject view);

    @BeforeEach
    void startEmulatorPerTest() {
        vertx = Vertx.vertx();
        emulator = Await.result(startEmulator(vertx));
    }

    @AfterEach
    void stopEmulatorPerTest() {
        opened.forEach(c -> Await.result(c.close()));
        Await.result(emulator.stop());
        Await.result(vertx.close());
    }

    /** A connector for the emulated account "main" with settings changed; a setting given as null is removed. */
    protected CrmConnector connector(Map<String, String> changes) {
        AccountConfig base = emulator.account("main");
        Map<String, String> settings = new HashMap<>(base.settings());
        changes.forEach((k, v) -> {
            if (v == null) settings.remove(k);
            else settings.put(k, v);
        });
        CrmConnector c = factory().create(vertx, new AccountConfig(base.connector(), "main", base.baseUrl(), base.secrets(), settings));
        opened.add(c);
        return c;
    }

    protected CrmConnector connector() {
        return connector(Map.of());
    }

    protected static ObjectNode fields() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Every CRM call the emulator counted. */
    protected long calls() {
        return emulator.counters().total();
    }

    /** The requests received with this method whose path passes {@code path}, as JSON views (oldest first). */
    protected List<JsonObject> received(String method, Predicate<String> path) {
        return emulator.received().stream().map(this::view)
                .filter(r -> r.getString("method").equals(method) && path.test(r.getString("path"))).toList();
    }

    private JsonObject view(ReceivedRequest r) {
        QueryStringDecoder uri = new QueryStringDecoder(r.uri());
        JsonObject query = new JsonObject();
        uri.parameters().forEach((k, v) -> query.put(k, v.get(v.size() - 1)));
        JsonObject view = new JsonObject().put("method", r.method()).put("path", uri.path()).put("uri", r.uri()).put("query", query)
                .put("contentType", r.contentType()).put("body", r.body());
        describeAuth(r, view);
        return view;
    }
}
