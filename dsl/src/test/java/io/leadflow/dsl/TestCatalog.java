package io.leadflow.dsl;

import static io.leadflow.spi.FieldSpec.of;
import static io.leadflow.spi.FieldType.*;

import io.leadflow.connector.baselinker.BaselinkerSchema;
import io.leadflow.connector.calltouch.CalltouchSources;
import io.leadflow.connector.horoshop.HoroshopSources;
import io.leadflow.connector.keycrm.KeycrmSchema;
import io.leadflow.connector.keycrm.webhook.KeycrmSources;
import io.leadflow.connector.mindbox.MindboxSchema;
import io.leadflow.connector.shopexpress.ShopExpressSchema;
import io.leadflow.connector.calltouch.CalltouchSchema;
import io.leadflow.connector.retailcrm.history.RetailcrmSources;
import io.leadflow.connector.horoshop.HoroshopSchema;
import io.leadflow.connector.catalog.ProductSyncSpec;
import io.leadflow.connector.shopexpress.ShopExpressSources;
import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.job.JobSpec;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.CustomFieldStyle;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.RateLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Baselinker's real schema plus small, fixed KeepinCRM-, RetailCRM- and KeyCRM-like fixtures whose
 * fields, limits and allowed values the golden checker tests rely on. The real schemas of all four
 * connectors are checked against the examples in examples/ (ReadmeAndExamplesTest).
 */
public final class TestCatalog {
    private TestCatalog() { }

    public static final ConnectorDescriptor KEEPIN = new ConnectorDescriptor("keepincrm", "KeepinCRM (test schema)",
            EnumSet.of(Capability.CREATE_CONTACT, Capability.CREATE_DEAL, Capability.CREATE_TASK,
                    Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL, Capability.FIND_DEALS,
                    Capability.UPDATE_CONTACT, Capability.UPDATE_DEAL, Capability.STATUS_GROUPS),
            Map.of(EntityKind.CONTACT, EntitySchema.of(EntityKind.CONTACT, "client", CustomFieldStyle.NUMERIC_ID,
                            of("name", STRING).max(100), of("phone", PHONE), of("email", EMAIL), of("company", STRING)),
                    EntityKind.DEAL, EntitySchema.of(EntityKind.DEAL, "agreement", CustomFieldStyle.NUMERIC_ID,
                            of("title", STRING).max(50).asRequired(), of("total", NUMBER), of("stage_id", INTEGER),
                            of("comment", TEXT), of("source", STRING).oneOf("site", "shop", "call")),
                    EntityKind.TASK, EntitySchema.of(EntityKind.TASK, "task", CustomFieldStyle.NONE, of("title", STRING)),
                    EntityKind.PRODUCT, EntitySchema.of(EntityKind.PRODUCT, "products", CustomFieldStyle.NONE,
                            of("sku", STRING), of("title", STRING), of("price", NUMBER), of("quantity", NUMBER))),
            new RateLimit(60, Duration.ofMinutes(1), false, "test"));

    /** RetailCRM-like (seed 002): finds by phone and email, status groups, a marker field; no tasks needed. */
    public static final ConnectorDescriptor RETAIL = new ConnectorDescriptor("retailcrm", "RetailCRM (test schema)",
            EnumSet.of(Capability.CREATE_CONTACT, Capability.UPDATE_CONTACT, Capability.CREATE_DEAL, Capability.UPDATE_DEAL,
                    Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL, Capability.FIND_DEALS,
                    Capability.STATUS_GROUPS, Capability.MARKER),
            Map.of(EntityKind.CONTACT, EntitySchema.of(EntityKind.CONTACT, "customer", CustomFieldStyle.SYMBOLIC_CODE,
                            of("firstName", STRING), of("phone", PHONE), of("email", EMAIL)),
                    EntityKind.DEAL, EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.SYMBOLIC_CODE,
                            of("status", STRING), of("managerComment", TEXT), of("utm_source", STRING), of("utm_medium", STRING),
                            of("utm_campaign", STRING), of("utm_content", STRING), of("utm_term", STRING))),
            new RateLimit(60, Duration.ofMinutes(1), false, "test"));

    /** KeyCRM-like: no task capability (the checker refuses `task`). */
    public static final ConnectorDescriptor KEYCRM = new ConnectorDescriptor("keycrm", "KeyCRM (test schema)",
            EnumSet.of(Capability.CREATE_CONTACT, Capability.CREATE_DEAL, Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_DEALS),
            Map.of(EntityKind.CONTACT, EntitySchema.of(EntityKind.CONTACT, "buyer", CustomFieldStyle.UUID, of("name", STRING)),
                    EntityKind.DEAL, EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.UUID, of("title", STRING)),
                    EntityKind.TASK, EntitySchema.of(EntityKind.TASK, "task", CustomFieldStyle.NONE, of("title", STRING))),
            new RateLimit(60, Duration.ofMinutes(1), false, "test"));

    /** The runtime's built-in job, as the runtime declares it. */
    public static final JobSpec LOG_JOB = new JobSpec("log", List.of(ArgSpec.optional("message", ArgSpec.Type.TEXT, "the line to log")),
            "writes one log line per run");

    public static ConnectorCatalog catalog() {
        return ConnectorCatalog.of(BaselinkerSchema.DESCRIPTOR, KEEPIN, RETAIL, KEYCRM)
                .withSources(HoroshopSources.DESCRIPTOR, CalltouchSources.DESCRIPTOR)
                .withJobs(LOG_JOB);
    }

    /**
     * For the examples: the fixtures the older examples were written against, with the real KeyCRM,
     * Shop-Express, Calltouch and Mindbox schemas (examples/shopexpress-keycrm maps KeyCRM's full order and card
     * fields, which the small KeyCRM fixture does not have).
     */
    public static ConnectorCatalog examples() {
        return ConnectorCatalog.of(BaselinkerSchema.DESCRIPTOR, KEEPIN, RETAIL, KeycrmSchema.DESCRIPTOR, ShopExpressSchema.DESCRIPTOR,
                        CalltouchSchema.DESCRIPTOR, HoroshopSchema.DESCRIPTOR, MindboxSchema.DESCRIPTOR)
                .withSources(HoroshopSources.DESCRIPTOR, CalltouchSources.DESCRIPTOR, KeycrmSources.DESCRIPTOR,
                        ShopExpressSources.DESCRIPTOR, RetailcrmSources.DESCRIPTOR)
                .withJobs(LOG_JOB, ProductSyncSpec.SPEC);
    }
}
