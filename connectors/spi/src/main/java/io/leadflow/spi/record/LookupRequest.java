package io.leadflow.spi.record;

import java.util.List;

/**
 * What a flow's {@code find} asks the connector: try the keys in order; the first key that
 * matches decides; of several matches the newest by creation date wins ({@link Newest}).
 * With {@code withDeals}, also return that contact's deals.
 *
 * @param marker the flow's marker field ({@code deal_cf_…}) whose value tells whether a deal
 *               was already updated by this integration, or null
 */
public record LookupRequest(List<LookupKey> keys, boolean withDeals, String marker) {
    public LookupRequest {
        keys = List.copyOf(keys);
    }
}
