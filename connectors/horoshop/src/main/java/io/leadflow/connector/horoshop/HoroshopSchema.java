package io.leadflow.connector.horoshop;

import static io.leadflow.spi.FieldSpec.of;
import static io.leadflow.spi.FieldType.*;

import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.CustomFieldStyle;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.RateLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/**
 * Horoshop as a shop status target (the reverse leg "KeyCRM status → shop", crm-apis.md §6
 * {@code orders/update} [P]): a flow {@code to horoshop(…)} has no rules and no {@code find}; its
 * {@code order} block names the shop order ({@code order_id}, the order number) and the status id
 * to give it, and may set {@code tracking_code} and {@code payed}. The write sets that existing
 * order's status; it never makes an order.
 */
public final class HoroshopSchema {
    private HoroshopSchema() { }

    public static final EntitySchema ORDER_STATUS = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.NONE,
            of("order_id", STRING).max(64).asRequired(),
            of("status", INTEGER).asRequired(),
            of("tracking_code", STRING).max(100),
            of("payed", BOOLEAN));

    /** No limit is documented [U]: one call a second is a polite guess the account's {@code rate_limit} overrides. */
    public static final RateLimit RATE_LIMIT = new RateLimit(60, Duration.ofMinutes(1), false, "Horoshop: no documented limit (unconfirmed guess)");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("horoshop", "Horoshop",
            EnumSet.of(Capability.CREATE_DEAL), Map.of(EntityKind.DEAL, ORDER_STATUS), RATE_LIMIT);
}
