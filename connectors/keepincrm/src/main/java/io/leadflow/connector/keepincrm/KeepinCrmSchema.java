package io.leadflow.connector.keepincrm;

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
 * KeepinCRM as the rule language sees it (C1, seeds 000/003, shared/crm-apis.md §4): contacts are
 * clients, deals are agreements, tasks, and {@code deal_cf_<id>} → agreement custom field
 * {@code field_<id>}. The {@code apiPath} of each field says where the connector puts it.
 * Facts marked [U] in the reference are assumptions here: the task's link and due-date fields,
 * the rate limit, and client custom fields (none: they use display names [P], so not offered).
 */
public final class KeepinCrmSchema {
    private KeepinCrmSchema() { }

    public static final EntitySchema CLIENT = EntitySchema.of(EntityKind.CONTACT, "client", CustomFieldStyle.NONE,
            of("name", STRING).at("person"),
            of("phone", PHONE).at("phones[0]"),
            of("email", EMAIL),
            of("company", STRING),
            of("lead", BOOLEAN),
            of("source_id", INTEGER),
            of("status_id", INTEGER));

    public static final EntitySchema AGREEMENT = EntitySchema.of(EntityKind.DEAL, "agreement", CustomFieldStyle.NUMERIC_ID,
            of("title", STRING).asRequired(),
            of("comment", TEXT),
            of("total", NUMBER),
            of("currency", CURRENCY).max(3),
            of("products_total_as_total", BOOLEAN),
            of("source_id", INTEGER),
            of("funnel_id", INTEGER),
            of("stage_id", INTEGER),
            of("main_responsible_id", INTEGER));

    /** Task fields: {@code title} and {@code comment} are confirmed [C]; {@code due_date} is [U]. */
    public static final EntitySchema TASK = EntitySchema.of(EntityKind.TASK, "task", CustomFieldStyle.NONE,
            of("title", STRING).asRequired(),
            of("comment", TEXT),
            of("due_date", DATETIME));

    /** Agreement lines: {@code jobs_attributes[{title, amount, product_attributes{sku, title, price}}]}. */
    public static final EntitySchema PRODUCT = EntitySchema.of(EntityKind.PRODUCT, "jobs", CustomFieldStyle.NONE,
            of("sku", STRING).at("product_attributes.sku"),
            of("title", STRING).asRequired(),
            of("price", NUMBER).at("product_attributes.price"),
            of("quantity", NUMBER).at("amount"));

    /** Assumed [U]: KeepinCRM documents no limit; 60 requests per minute per token is a conservative guess. */
    public static final RateLimit RATE_LIMIT =
            new RateLimit(60, Duration.ofMinutes(1), false, "assumed: KeepinCRM documents no rate limit");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("keepincrm", "KeepinCRM",
            EnumSet.of(Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL, Capability.FIND_DEALS,
                    Capability.CREATE_CONTACT, Capability.UPDATE_CONTACT, Capability.CREATE_DEAL, Capability.UPDATE_DEAL,
                    Capability.CREATE_TASK, Capability.STATUS_GROUPS, Capability.MARKER, Capability.PIPELINES),
            Map.of(EntityKind.CONTACT, CLIENT, EntityKind.DEAL, AGREEMENT, EntityKind.TASK, TASK, EntityKind.PRODUCT, PRODUCT),
            RATE_LIMIT);
}
