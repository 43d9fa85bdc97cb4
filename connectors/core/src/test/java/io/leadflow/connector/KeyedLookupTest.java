package io.leadflow.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedLookupTest {
    private static final LookupKey PHONE = new LookupKey(LookupKey.Kind.PHONE, "+380671234567");
    private static final LookupKey EMAIL = new LookupKey(LookupKey.Kind.EMAIL, "o@example.com");

    private static FoundContact contact(String id, String at) {
        return new FoundContact(id, Instant.parse(at), "101", JsonNodeFactory.instance.objectNode());
    }

    private static FoundDeal deal(String id, String contact) {
        return new FoundDeal(id, contact, Instant.parse("2026-01-01T00:00:00Z"), "102", "new", StatusGroup.OPEN, false,
                JsonNodeFactory.instance.objectNode());
    }

    @Test
    void firstKeyWithMatches_decides_andTheNewestMatchWins_withItsDeals() {
        List<LookupKey> asked = new ArrayList<>();
        Map<LookupKey, List<FoundContact>> byKey = Map.of(PHONE, List.of(),
                EMAIL, List.of(contact("5", "2025-01-01T00:00:00Z"), contact("9", "2026-01-01T00:00:00Z")));
        Found found = KeyedLookup.find(new LookupRequest(List.of(PHONE, EMAIL), true, null),
                key -> { asked.add(key); return Future.succeededFuture(byKey.get(key)); },
                (key, c) -> Future.succeededFuture(List.of(deal("d-" + c.id() + "-" + key.kind(), c.id())))).result();
        assertEquals(List.of(PHONE, EMAIL), asked);
        assertEquals("9", found.contact().orElseThrow().id());
        assertEquals("d-9-EMAIL", found.deals().get(0).id());
    }

    @Test
    void aMatchOnTheFirstKey_stopsThere_andDealsAreNotAskedWhenNotWanted() {
        List<LookupKey> asked = new ArrayList<>();
        Found found = KeyedLookup.find(new LookupRequest(List.of(PHONE, EMAIL), false, null),
                key -> { asked.add(key); return Future.succeededFuture(List.of(contact("1", "2026-01-01T00:00:00Z"))); },
                (key, c) -> { throw new AssertionError("deals were not asked for"); }).result();
        assertEquals(List.of(PHONE), asked);
        assertEquals("1", found.contact().orElseThrow().id());
        assertTrue(found.deals().isEmpty());
    }

    @Test
    void noKeyMatching_findsNothing() {
        Found found = KeyedLookup.find(new LookupRequest(List.of(PHONE, EMAIL), true, null),
                key -> Future.succeededFuture(List.of()), (key, c) -> Future.succeededFuture(List.of())).result();
        assertEquals(Found.NOTHING, found);
    }
}
