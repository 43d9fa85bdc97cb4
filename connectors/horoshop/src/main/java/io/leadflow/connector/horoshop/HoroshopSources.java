package io.leadflow.connector.horoshop;

import static io.leadflow.spi.FieldType.*;
import static io.leadflow.spi.source.Confidence.CONFIRMED;
import static io.leadflow.spi.source.Confidence.PARTLY;
import static io.leadflow.spi.source.PayloadField.object;
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
 * Horoshop as a lead source (shared crm-apis section 6, seed 000): {@code horoshop.orders} in the
 * shape of {@code orders/get} (event id {@code order_id}, the order number) and
 * {@code horoshop.registrations} in the shape of {@code users/export} (event id {@code id}).
 * Field names are [C] from the function pages; the keys of {@code analytics} are [P]; the item
 * fields of {@code products} are not given by the reference, so they are not checked.
 */
public final class HoroshopSources implements SourceDescriptorProvider {

    /** {@code delivery_type} / {@code payment_type}: {@code {id, title}}. */
    private static PayloadField idTitle(String name) {
        return object(name, CONFIRMED, of("id", INTEGER, CONFIRMED), of("title", STRING, CONFIRMED));
    }

    public static final PayloadSchema ORDER = PayloadSchema.closed(
            of("order_id", INTEGER, CONFIRMED), of("user", INTEGER, CONFIRMED),
            of("delivery_name", STRING, CONFIRMED), of("delivery_email", EMAIL, CONFIRMED), of("delivery_phone", PHONE, CONFIRMED),
            of("delivery_city", STRING, CONFIRMED), of("delivery_address", STRING, CONFIRMED), idTitle("delivery_type"),
            of("delivery_price", NUMBER, CONFIRMED), of("comment", TEXT, CONFIRMED), idTitle("payment_type"),
            of("payment_price", NUMBER, CONFIRMED), of("payed", INTEGER, CONFIRMED), of("total_default", NUMBER, CONFIRMED),
            of("total_sum", NUMBER, CONFIRMED), of("total_quantity", NUMBER, CONFIRMED), of("discount_percent", NUMBER, CONFIRMED),
            of("discount_value", NUMBER, CONFIRMED), of("coupon_code", STRING, CONFIRMED), of("coupon_percent", NUMBER, CONFIRMED),
            of("coupon_discount_value", NUMBER, CONFIRMED), of("coupon_type", STRING, CONFIRMED), of("stat_status", INTEGER, CONFIRMED),
            of("stat_created", DATETIME, CONFIRMED), of("currency", CURRENCY, CONFIRMED), of("products", LIST, CONFIRMED),
            of("delivery_data", OBJECT, CONFIRMED),
            object("analytics", CONFIRMED, of("utm_source", STRING, PARTLY), of("utm_medium", STRING, PARTLY),
                    of("utm_campaign", ANY, PARTLY), of("utm_term", STRING, PARTLY), of("utm_content", STRING, PARTLY),
                    of("google_client_id", STRING, PARTLY)));

    public static final PayloadSchema USER = PayloadSchema.closed(
            of("id", INTEGER, CONFIRMED), of("title", STRING, CONFIRMED), of("email", EMAIL, CONFIRMED), of("phone", PHONE, CONFIRMED),
            of("country", STRING, CONFIRMED), of("city", STRING, CONFIRMED), of("address", STRING, CONFIRMED),
            of("registered", DATETIME, CONFIRMED));

    private static final ArgSpec POLL = ArgSpec.optional("poll", ArgSpec.Type.DURATION,
            "read the shop's API at this interval instead of taking pushes (orders/get or users/export by time window); without it the kind is pushed to the intake");
    private static final ArgSpec SINCE = ArgSpec.optional("since", ArgSpec.Type.DATE,
            "pulled: where a new cursor starts (backfill from that day, shop time); default: everything");

    static final List<ArgSpec> ORDER_ARGS = List.of(ArgSpec.account(), POLL, SINCE, ArgSpec.maxBackoff(),
            ArgSpec.optional("statuses", ArgSpec.Type.TEXT_LIST, "pulled: only orders with these stat_status ids (filtered after reading); default: all"));
    static final List<ArgSpec> USER_ARGS = List.of(ArgSpec.account(), POLL, SINCE, ArgSpec.maxBackoff());

    public static final SourceDescriptor DESCRIPTOR = SourceDescriptor.of("horoshop", "Horoshop",
            new SourceKind("orders", Set.of(Arrival.WEBHOOK, Arrival.PULL), SenderAuth.INTAKE_TOKEN, ORDER_ARGS, ORDER, List.of("order_id"),
                    Duration.ofDays(30), "a shop order as orders/get returns it (order_id is the order number)")
                    .withSample(SourceSample.json("{\"order_id\": 1001, \"user\": 17, \"delivery_name\": \"Олена Коваль\","
                            + " \"delivery_email\": \"olena@example.com\", \"delivery_phone\": \"067 123 45 67\", \"delivery_city\": \"Київ\","
                            + " \"comment\": \"Передзвоніть після 18:00\", \"total_sum\": 1250.5, \"currency\": \"UAH\", \"stat_status\": 1,"
                            + " \"stat_created\": \"2026-03-01 10:15:00\", \"products\": [{\"article\": \"MUG-1\", \"title\": \"Чашка\","
                            + " \"quantity\": 2, \"price\": 625.25}], \"analytics\": {\"utm_source\": \"google\", \"utm_medium\": \"cpc\","
                            + " \"utm_campaign\": \"spring\"}}")),
            new SourceKind("registrations", Set.of(Arrival.WEBHOOK, Arrival.PULL), SenderAuth.INTAKE_TOKEN, USER_ARGS, USER, List.of("id"),
                    Duration.ofDays(30), "a customer registration as users/export returns it")
                    .withSample(SourceSample.json("{\"id\": 501, \"title\": \"Олена Коваль\", \"email\": \"olena@example.com\","
                            + " \"phone\": \"+380671234567\", \"country\": \"Україна\", \"city\": \"Київ\", \"registered\": \"2026-03-01 10:00:00\"}")));

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
