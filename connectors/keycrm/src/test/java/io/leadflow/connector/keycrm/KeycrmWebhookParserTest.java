package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.keycrm.webhook.KeycrmWebhookEvent;
import io.leadflow.connector.keycrm.webhook.KeycrmWebhookParser;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeycrmWebhookParserTest {
    private final KeycrmWebhookParser parser = new KeycrmWebhookParser();

    @Test
    void orderStatusChange_givesOrderStatusGroupAndShopNumber() {
        KeycrmWebhookEvent e = parser.parse(Buffer.buffer("""
                {"event":"order.change_order_status","context":{"id":22,"source_uuid":"SE-10452","source_id":3,
                 "status_id":5,"status_group_id":5,"status_changed_at":"2026-11-20 10:00:00","grand_total":900}}"""));
        assertEquals(KeycrmWebhookEvent.Kind.ORDER_STATUS, e.kind());
        assertEquals("22", e.id());
        assertEquals("5", e.statusId());
        assertEquals(StatusGroup.COMPLETED, e.group());
        assertEquals("SE-10452", e.sourceUuid());
        assertEquals("3", e.sourceId());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), e.changedAt());
        assertEquals(900, e.context().getInteger("grand_total"));
    }

    @Test
    void cardStatusChange_hasNoOrderGroup() {
        KeycrmWebhookEvent e = parser.parse(Buffer.buffer("{\"event\":\"lead.change_lead_status\",\"context\":{\"id\":7,\"status_id\":13,\"manager_id\":101}}"));
        assertEquals(KeycrmWebhookEvent.Kind.CARD_STATUS, e.kind());
        assertEquals("13", e.statusId());
        assertNull(e.group());
    }

    @Test
    void unknownEvent_isReturnedAsOther() {
        assertEquals(KeycrmWebhookEvent.Kind.OTHER, parser.parse(Buffer.buffer("{\"event\":\"buyer.created\",\"context\":{}}")).kind());
    }

    @Test
    void malformedBodies_areRefusedWithAClearMessage() {
        assertEquals("KeyCRM webhook body is not a JSON object",
                assertThrows(IllegalArgumentException.class, () -> parser.parse(Buffer.buffer("[1,2]"))).getMessage());
        assertEquals("KeyCRM webhook body is empty", assertThrows(IllegalArgumentException.class, () -> parser.parse(Buffer.buffer())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parser.parse(Buffer.buffer("{\"context\":{}}")))
                .getMessage().contains("\"event\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parser.parse(Buffer.buffer("{\"event\":\"order.change_order_status\"}")))
                .getMessage().contains("\"context\""));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> parser.parse(Buffer.buffer("{\"event\":\"order.change_order_status\",\"context\":{\"status_id\":1}}")))
                .getMessage().contains("context.id"));
    }
}
