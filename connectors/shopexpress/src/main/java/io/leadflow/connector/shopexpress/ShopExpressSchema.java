package io.leadflow.connector.shopexpress;

import static io.leadflow.spi.FieldSpec.of;
import static io.leadflow.spi.FieldType.STRING;
import static io.leadflow.spi.FieldType.TEXT;

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
 * Shop-Express as the rule language sees it: one entity, the shop order's status. A flow
 * {@code to shopexpress(...)} has no rules and no {@code find}; its {@code order} block names an
 * existing shop order ({@code order_id}, the number KeyCRM keeps as {@code source_uuid}) and the
 * status to give it. The only capability is therefore the deal write, which for this target sets
 * the status of that order (it never makes a new one). Everything about the API is [U].
 */
public final class ShopExpressSchema {
    private ShopExpressSchema() { }

    public static final EntitySchema ORDER_STATUS = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.NONE,
            of("order_id", STRING).max(64).asRequired(),
            of("status", STRING).max(64).asRequired(),
            of("comment", TEXT).max(1000));

    /** No limit was found for the unconfirmed API; one call per second is a polite guess. */
    public static final RateLimit RATE_LIMIT =
            new RateLimit(60, Duration.ofMinutes(1), false, "Shop-Express: no documented limit (unconfirmed guess)");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("shopexpress", "Shop-Express",
            EnumSet.of(Capability.CREATE_DEAL), Map.of(EntityKind.DEAL, ORDER_STATUS), RATE_LIMIT);
}
