package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.ConnectorFactory;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.EntityKind;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the compiler learns about RetailCRM. */
class RetailcrmSchemaTest {

    @Test
    void descriptor_isDiscoverable_byTheCompilerAndTheRuntime() {
        assertEquals(RetailcrmSchema.DESCRIPTOR, ConnectorCatalog.discover().find("retailcrm").orElseThrow());
        assertTrue(ServiceLoader.load(ConnectorFactory.class).stream().anyMatch(p -> p.type() == RetailcrmFactory.class));
    }

    @Test
    void everyL4CapabilityIsDeclared_butNoPipelines() {
        for (Capability c : new Capability[] {Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL,
                Capability.FIND_DEALS, Capability.STATUS_GROUPS, Capability.MARKER, Capability.CREATE_TASK}) {
            assertTrue(RetailcrmSchema.DESCRIPTOR.can(c), c.name());
        }
        assertFalse(RetailcrmSchema.DESCRIPTOR.can(Capability.PIPELINES));
        assertTrue(RetailcrmSchema.DESCRIPTOR.schema(EntityKind.TASK).orElseThrow().field("text").orElseThrow().required());
    }

    @Test
    void customFields_areSymbolicCodes() {
        assertTrue(RetailcrmSchema.ORDER.customFields().accepts("ct_site_id"));
        assertFalse(RetailcrmSchema.ORDER.customFields().accepts("1043"));
    }

    @Test
    void rateLimit_isTenPerSecond_confirmed() {
        assertEquals(10, RetailcrmSchema.RATE_LIMIT.permits());
        assertEquals(Duration.ofSeconds(1), RetailcrmSchema.RATE_LIMIT.period());
        assertTrue(RetailcrmSchema.RATE_LIMIT.confirmed());
    }
}
