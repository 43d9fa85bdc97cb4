package io.leadflow.connector.keycrm.webhook;

import static io.leadflow.spi.FieldType.*;
import static io.leadflow.spi.source.Confidence.CONFIRMED;
import static io.leadflow.spi.source.Confidence.PARTLY;
import static io.leadflow.spi.source.PayloadField.of;

import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import io.leadflow.spi.source.SenderAuth;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.SourceDescriptorProvider;
import io.leadflow.spi.source.SourceKind;
import io.leadflow.spi.source.SourceSample;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * KeyCRM's "Send Webhook" trigger as a lead source (shared crm-apis section 2; seed 001's reverse
 * leg): {@code keycrm.order_status} ({@code order.change_order_status}) and
 * {@code keycrm.card_status} ({@code lead.change_lead_status}). The body is
 * {@code {"event", "context"}} [C]; the context's fields are [P]. KeyCRM sends no event id, so the
 * default dedupe key is the record, its new status and the time of the change, within a short window.
 */
public final class KeycrmSources implements SourceDescriptorProvider {

    private static final PayloadField[] ORDER_CONTEXT = List.of("id", "source_uuid", "global_source_uuid", "status_on_source",
                    "source_id", "client_id", "manager_id", "status_group_id", "status_id", "status_changed_at", "ordered_at",
                    "created_at", "updated_at", "closed_at", "grand_total", "products_total", "payments_total", "total_discount",
                    "payment_status", "manager_comment", "client_comment", "is_gift", "promocode", "parent_id", "is_expired",
                    "has_reserves").stream()
            .map(n -> of(n, n.endsWith("_at") ? DATETIME : n.endsWith("_total") || n.equals("grand_total") ? NUMBER : ANY, PARTLY))
            .toArray(PayloadField[]::new);

    public static final PayloadSchema ORDER_STATUS = PayloadSchema.closed(of("event", STRING, CONFIRMED),
            new PayloadField("context", OBJECT, CONFIRMED, PayloadSchema.closed(ORDER_CONTEXT)));

    /** A funnel card's context: at least {@code id, status_id, manager_id} [P]; the rest is not known, so not checked. */
    public static final PayloadSchema CARD_STATUS = PayloadSchema.closed(of("event", STRING, CONFIRMED),
            of("context", OBJECT, CONFIRMED));

    static final List<ArgSpec> ARGS = List.of(ArgSpec.account());

    /**
     * A status webhook repeated within this window is KeyCRM's retry (it retries a few times [U]);
     * short, because a record can come back to a status for real, and a card's context may carry no time [P].
     */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(10);

    public static final SourceDescriptor DESCRIPTOR = SourceDescriptor.of("keycrm", "KeyCRM webhooks",
            new SourceKind("order_status", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, ARGS, ORDER_STATUS,
                    List.of("context.id", "context.status_id", "context.status_changed_at"), RETRY_WINDOW,
                    "an order's status changed (event order.change_order_status)")
                    .withSample(SourceSample.json("{\"event\": \"order.change_order_status\", \"context\": {\"id\": 22,"
                            + " \"source_uuid\": \"1001\", \"source_id\": 3, \"status_id\": 4, \"status_group_id\": 4,"
                            + " \"status_changed_at\": \"2026-03-01 10:20:00\", \"grand_total\": 900}}")),
            new SourceKind("card_status", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, ARGS, CARD_STATUS,
                    List.of("context.id", "context.status_id", "context.status_changed_at"), RETRY_WINDOW,
                    "a funnel card's status changed (event lead.change_lead_status)")
                    .withSample(SourceSample.json("{\"event\": \"lead.change_lead_status\", \"context\": {\"id\": 5, \"status_id\": 13,"
                            + " \"manager_id\": 1, \"status_changed_at\": \"2026-03-01 10:20:00\"}}")));

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
