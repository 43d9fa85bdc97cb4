package io.leadflow.connector;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrmConnectorDefaultsTest {

    @Test
    void accountSchema_unsupportedByDefault_failsWithAClearMessage() {
        CrmConnector bare = new CrmConnector() {
            public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("bare", "Bare CRM", Set.of(), Map.of(), new RateLimit(1, Duration.ofSeconds(1), true, ""));
            }
            public String account() {
                return "main";
            }
            public Future<Found> find(LookupRequest request) {
                return Future.failedFuture("unused");
            }
            public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
                return Future.failedFuture("unused");
            }
            public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
                return Future.failedFuture("unused");
            }
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
        Throwable e = Await.failure(bare.accountSchema());
        assertInstanceOf(UnsupportedOperationException.class, e);
        assertEquals("Bare CRM connector cannot read the account's own field list", e.getMessage());
    }
}
