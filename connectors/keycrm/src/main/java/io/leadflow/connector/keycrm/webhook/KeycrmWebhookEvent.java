package io.leadflow.connector.keycrm.webhook;

import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One KeyCRM webhook call, as the shop's reverse flow needs it (seed 001: a status change in
 * KeyCRM updates the shop's order).
 *
 * @param event         the event name ({@code order.change_order_status})
 * @param kind          what changed: an order, a funnel card, or something this parser does not read
 * @param id            the KeyCRM order or card id
 * @param statusId      the new status id
 * @param group         the order's status group (null for cards and when absent) [P: group ids]
 * @param sourceUuid    the order's number in the source shop ({@code source_uuid}), or null
 * @param sourceId      the KeyCRM source id, or null
 * @param changedAt     {@code status_changed_at} (UTC), or null
 * @param context       the whole {@code context} object, for fields this record does not name
 */
public record KeycrmWebhookEvent(String event, Kind kind, String id, String statusId, StatusGroup group,
                                 String sourceUuid, String sourceId, Instant changedAt, JsonObject context) {

    public enum Kind { ORDER_STATUS, CARD_STATUS, ORDER_PAYMENT, OTHER }
}
