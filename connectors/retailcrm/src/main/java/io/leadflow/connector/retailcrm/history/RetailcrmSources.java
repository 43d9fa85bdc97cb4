package io.leadflow.connector.retailcrm.history;

import static io.leadflow.spi.FieldType.*;
import static io.leadflow.spi.source.Confidence.CONFIRMED;
import static io.leadflow.spi.source.Confidence.UNCONFIRMED;
import static io.leadflow.spi.source.PayloadField.of;

import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import io.leadflow.spi.source.SenderAuth;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.SourceDescriptorProvider;
import io.leadflow.spi.source.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * RetailCRM's change feeds as lead sources (shared crm-apis section 1): {@code orders/history}
 * and {@code customers/history}, pulled with {@code filter[sinceId]} from a cursor kept in the
 * journal (the account is the RetailCRM connector's account of that name). Each history entry is one
 * event, its {@code id} the event id. The envelope ({@code history}, {@code pagination}) is [C];
 * the entry's own fields are [U] (from RetailCRM's API docs, not re-read for the reference), and
 * the embedded order or customer is the partial entity the entry carries, not checked field by field.
 */
public final class RetailcrmSources implements SourceDescriptorProvider {

    private static PayloadSchema entry(String entity) {
        return PayloadSchema.closed(of("id", INTEGER, CONFIRMED), of("createdAt", DATETIME, UNCONFIRMED),
                of("created", BOOLEAN, UNCONFIRMED), of("deleted", BOOLEAN, UNCONFIRMED), of("source", STRING, UNCONFIRMED),
                of("field", STRING, UNCONFIRMED), of("oldValue", ANY, UNCONFIRMED), of("newValue", ANY, UNCONFIRMED),
                new PayloadField("user", OBJECT, UNCONFIRMED, PayloadSchema.closed(of("id", INTEGER, UNCONFIRMED))),
                of("apiKey", OBJECT, UNCONFIRMED), of(entity, OBJECT, UNCONFIRMED));
    }

    public static final PayloadSchema ORDER_CHANGE = entry("order");
    public static final PayloadSchema CUSTOMER_CHANGE = entry("customer");

    /** The pull's settings; the runtime reads them (PullSpec) and hands {@code since} to the connector's feed. */
    static final List<ArgSpec> ARGS = List.of(ArgSpec.account(),
            ArgSpec.optional("poll", ArgSpec.Type.DURATION, "how often the feed is read when it has nothing new; default 1m"),
            ArgSpec.optional("since", ArgSpec.Type.DATE, "where a new cursor starts (backfill from that day); default: the feed's first entry"),
            ArgSpec.maxBackoff());
    static final List<ArgSpec> ORDER_ARGS = java.util.stream.Stream.concat(ARGS.stream(), java.util.stream.Stream.of(
            ArgSpec.optional("whole_order", ArgSpec.Type.BOOLEAN, "replace each entry's partial order by the whole order as GET /orders/{id}"
                    + " answers it when the entry is read (one call per order of a page); default false"))).toList();
    static final List<ArgSpec> CUSTOMER_ARGS = java.util.stream.Stream.concat(ARGS.stream(), java.util.stream.Stream.of(
            ArgSpec.optional("whole_customer", ArgSpec.Type.BOOLEAN, "replace each entry's partial customer by the whole customer as"
                    + " GET /customers/{id} answers it when the entry is read (one call per customer of a page); default false"))).toList();

    public static final SourceDescriptor DESCRIPTOR = SourceDescriptor.of("retailcrm", "RetailCRM change feed",
            new SourceKind("orders_history", Set.of(Arrival.PULL), SenderAuth.API_KEY_HEADER, ORDER_ARGS, ORDER_CHANGE, List.of("id"),
                    Duration.ofDays(30), "one change of an order (GET /orders/history, sinceId cursor)"),
            new SourceKind("customers_history", Set.of(Arrival.PULL), SenderAuth.API_KEY_HEADER, CUSTOMER_ARGS, CUSTOMER_CHANGE,
                    List.of("id"), Duration.ofDays(30), "one change of a customer (GET /customers/history, sinceId cursor)"));

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
