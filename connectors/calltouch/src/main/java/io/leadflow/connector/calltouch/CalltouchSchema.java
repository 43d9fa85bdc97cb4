package io.leadflow.connector.calltouch;

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
 * Calltouch as a target (seed 002, C3 reverse feed; crm-apis.md §7): one entity, the Calltouch
 * deal of a CRM order, written through Deals API 2.0. The {@code order} block names the order
 * ({@code order_id}, the deal's external id {@code orderNumber}) and what the deal shows. The
 * write is an upsert: a deal that does not exist yet is created and linked once to the
 * customer's Calltouch lead ({@code phone} / {@code email}: calls first, then requests, within
 * {@code lead_window_days}); an existing one is updated and never re-linked. No field lengths are
 * documented [U], so none are checked here.
 */
public final class CalltouchSchema {
    private CalltouchSchema() { }

    public static final EntitySchema DEAL = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.NONE,
            of("order_id", STRING).asRequired(),
            of("name", STRING),
            of("funnel", STRING).asRequired(),
            of("status", STRING).asRequired(),
            of("revenue", NUMBER),
            of("manager_name", STRING),
            of("created_at", DATETIME),
            of("status_changed_at", DATETIME),
            of("phone", PHONE),
            of("email", EMAIL));

    /** No documented limit [U]; five calls a second is a guess the account's {@code rate_limit} overrides. */
    public static final RateLimit RATE_LIMIT =
            new RateLimit(5, Duration.ofSeconds(1), false, "Calltouch: no documented limit (unconfirmed guess)");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("calltouch", "Calltouch",
            EnumSet.of(Capability.CREATE_DEAL), Map.of(EntityKind.DEAL, DEAL), RATE_LIMIT);
}
