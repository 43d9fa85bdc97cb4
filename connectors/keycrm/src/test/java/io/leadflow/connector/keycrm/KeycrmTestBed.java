package io.leadflow.connector.keycrm;

import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.ConnectorTestBed;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** A KeyCRM emulator and connectors against it, fresh for each test. */
abstract class KeycrmTestBed extends ConnectorTestBed<KeycrmEmulator> {

    @Override
    protected ConnectorFactory factory() {
        return new KeycrmFactory();
    }

    @Override
    protected Future<KeycrmEmulator> startEmulator(Vertx vertx) {
        return new KeycrmFactory().startEmulator(vertx, 0);
    }

    /** {@code authorization}: {@code valid Bearer}, {@code wrong} or {@code missing}. */
    @Override
    protected void describeAuth(ReceivedRequest r, JsonObject view) {
        String auth = r.headers().get("Authorization");
        view.put("authorization", auth == null ? "missing" : auth.equals("Bearer " + KeycrmEmulator.TEST_KEY) ? "valid Bearer" : "wrong");
    }

    static EffectContext ctx(String key) {
        return new EffectContext(key, "lead-" + key, Map.of(), null);
    }

    /** The requests the emulator received with this method and path prefix, as JSON views. */
    List<JsonObject> requests(String method, String pathPrefix) {
        return received(method, p -> p.startsWith(pathPrefix));
    }
}
