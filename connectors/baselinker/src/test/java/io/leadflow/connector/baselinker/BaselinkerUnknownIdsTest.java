package io.leadflow.connector.baselinker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.baselinker.emulator.BaselinkerEmulator;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether addOrder refuses an unknown status or extra field id itself is unconfirmed; against an
 * emulator that takes them silently (pessimistic), the connector still refuses before any order
 * exists, and a known id still goes through at one call once the account's lists are cached.
 */
class BaselinkerUnknownIdsTest extends EmulatorTestBase<BaselinkerEmulator> {
    private BaselinkerConnector connector;

    @Override
    protected Future<BaselinkerEmulator> startEmulator(Vertx vertx) {
        return new BaselinkerFactory().startEmulator(vertx, 0);
    }

    @BeforeEach
    void pessimistic() {
        emulator.mode(EmulatorMode.PESSIMISTIC);
        connector = new BaselinkerConnector(vertx, emulator.account("main"), Clock.systemUTC());
    }

    @AfterEach
    void back() {
        emulator.mode(EmulatorMode.OPTIMISTIC);
        Await.result(connector.close());
    }

    private static ObjectNode order() {
        return JsonNodeFactory.instance.objectNode().put("currency", "PLN").put("delivery_fullname", "Jan");
    }

    private PermanentException refused(ObjectNode fields) {
        return Await.failure(connector.apply(new CreateDeal(null, fields, null, false), new EffectContext("k/0", "lead", Map.of(), null)),
                PermanentException.class);
    }

    @Test
    void unknownStatus_isRefusedBeforeAnOrderExists() {
        PermanentException e = refused(order().put("order_status_id", 99999));
        assertEquals("order_status_id", e.field());
        assertEquals(0, emulator.counters().get("addOrder"), "no order was sent");
    }

    @Test
    void unknownExtraField_isRefusedNamingTheRuleField() {
        PermanentException e = refused(order().put("deal_cf_999", "x"));
        assertEquals("deal_cf_999", e.field());
        assertEquals(0, emulator.counters().get("addOrder"));
    }

    @Test
    void knownIds_goThrough_andCostOneCallOnceCached() {
        ObjectNode known = order().put("order_status_id", 8011).put("deal_cf_4117", "utm_source=google");
        Await.result(connector.apply(new CreateDeal(null, known, null, false), new EffectContext("a/0", "a", Map.of(), null)));
        long before = emulator.counters().total();
        assertEquals(1, Await.result(connector.apply(new CreateDeal(null, known.deepCopy(), null, false),
                new EffectContext("b/0", "b", Map.of(), null))).httpCalls());
        assertEquals(1, emulator.counters().total() - before);
    }
}
