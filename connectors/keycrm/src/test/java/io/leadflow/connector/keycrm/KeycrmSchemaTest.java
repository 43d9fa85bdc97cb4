package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.ConnectorFactory;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the compiler learns about KeyCRM. */
class KeycrmSchemaTest {

    @Test
    void descriptor_isDiscoverable_byTheCompilerAndTheRuntime() {
        assertEquals(KeycrmSchema.DESCRIPTOR, ConnectorCatalog.discover().find("keycrm").orElseThrow());
        assertTrue(ServiceLoader.load(ConnectorFactory.class).stream().anyMatch(p -> p.type() == KeycrmFactory.class));
    }

    @Test
    void noTaskCapability_andNoTaskSchema() {
        ConnectorDescriptor d = KeycrmSchema.DESCRIPTOR;
        assertFalse(d.can(Capability.CREATE_TASK));
        assertTrue(d.schema(EntityKind.TASK).isEmpty());
        assertTrue(d.can(Capability.PIPELINES) && d.can(Capability.STATUS_GROUPS) && d.can(Capability.MARKER));
    }

    @Test
    void customFields_takeUuidsOrTheirNumericSuffix() {
        var style = KeycrmSchema.ORDER.customFields();
        assertTrue(style.accepts("OR_1037"));
        assertTrue(style.accepts("1037"));
        assertFalse(style.accepts("utm_keyword"));
    }

    @Test
    void rateLimit_isSixtyPerMinute_confirmed() {
        assertEquals(60, KeycrmSchema.RATE_LIMIT.permits());
        assertEquals(Duration.ofMinutes(1), KeycrmSchema.RATE_LIMIT.period());
        assertTrue(KeycrmSchema.RATE_LIMIT.confirmed());
    }

    @Test
    void buyerNameIsRequired_paymentStatusIsAClosedSet() {
        assertTrue(KeycrmSchema.BUYER.field("full_name").orElseThrow().required());
        assertEquals(java.util.List.of("paid", "not_paid", "canceled"), KeycrmSchema.ORDER.field("payment_status").orElseThrow().allowedValues());
    }
}
