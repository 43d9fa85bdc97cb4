package io.leadflow.connector;

import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.leadflow.spi.record.Newest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The {@link LookupRequest} contract in one place, for CRMs that search one key per call: keys
 * in order, the first key with matches decides, the newest match wins, then its deals if asked.
 */
public final class KeyedLookup {
    private KeyedLookup() { }

    /** Contacts matching one key (already re-checked client-side). */
    @FunctionalInterface
    public interface Contacts {
        Future<List<FoundContact>> matching(LookupKey key);
    }

    /** The deals of the chosen contact; {@code key} is the key that found it. */
    @FunctionalInterface
    public interface Deals {
        Future<List<FoundDeal>> of(LookupKey key, FoundContact contact);
    }

    public static Future<Found> find(LookupRequest request, Contacts contacts, Deals deals) {
        return tryKey(request, 0, contacts, deals);
    }

    private static Future<Found> tryKey(LookupRequest request, int index, Contacts contacts, Deals deals) {
        if (index >= request.keys().size()) return Future.succeededFuture(Found.NOTHING);
        LookupKey key = request.keys().get(index);
        return contacts.matching(key).compose(matches -> {
            if (matches.isEmpty()) return tryKey(request, index + 1, contacts, deals);
            FoundContact contact = Newest.contact(matches).orElseThrow();
            if (!request.withDeals()) return Future.succeededFuture(new Found(Optional.of(contact), List.of()));
            return deals.of(key, contact).map(found -> new Found(Optional.of(contact), found));
        });
    }
}
