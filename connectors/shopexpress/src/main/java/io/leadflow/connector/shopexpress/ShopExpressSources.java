package io.leadflow.connector.shopexpress;

import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.source.Arrival;
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
 * Shop-Express orders as a pushed lead source (shared crm-apis section 8). Shop-Express publishes no
 * API or webhook format [U], so the payload is open (a flow closes it with {@code fields …}) and
 * there is no default event id: a flow names the shop's order number with {@code dedupe by …}.
 */
public final class ShopExpressSources implements SourceDescriptorProvider {

    public static final SourceDescriptor DESCRIPTOR = SourceDescriptor.of("shopexpress", "Shop-Express",
            new SourceKind("orders", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, List.of(ArgSpec.account()),
                    PayloadSchema.anyFields(), List.of(), Duration.ofDays(30),
                    "a shop order as the shop posts it (format unconfirmed: no public Shop-Express API)")
                    .withSample(SourceSample.json("{\"number\": \"1001\", \"status\": \"new\", \"total\": \"900\", \"customer\":"
                            + " {\"name\": \"Олена Коваль\", \"phone\": \"050 123 45 67\", \"email\": \"olena@example.com\"},"
                            + " \"items\": [{\"sku\": \"MUG-1\", \"name\": \"Чашка\", \"price\": \"450\", \"quantity\": 2}]}")));

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
