package io.leadflow.spi.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A deal (order) found in the CRM.
 *
 * @param status the CRM status code or id, as text
 * @param group  its status group
 * @param marked whether this integration already updated it (the flow's marker field is set)
 */
public record FoundDeal(String id, String contactId, Instant createdAt, String manager, String status,
                        StatusGroup group, boolean marked, ObjectNode fields) {

    public boolean open() {
        return group == StatusGroup.OPEN;
    }
}
