package io.leadflow.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.leadflow.spi.record.Newest;
import io.vertx.core.Future;
import java.util.ArrayList;
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

    /**
     * The contact's natural keys, as a lookup would use them: its {@code phone}, then its
     * {@code email} (rule-file names of the contact fields it was created with).
     */
    public static List<LookupKey> naturalKeys(JsonNode contactFields) {
        List<LookupKey> keys = new ArrayList<>();
        if (contactFields.path("phone").isTextual()) keys.add(new LookupKey(LookupKey.Kind.PHONE, contactFields.path("phone").asText()));
        if (contactFields.path("email").isTextual()) keys.add(new LookupKey(LookupKey.Kind.EMAIL, contactFields.path("email").asText()));
        return keys;
    }

    /**
     * The one reconcile of an in-doubt contact create for CRMs whose contacts cannot carry a
     * token of ours: the contact is looked up by the phone or email it was created with
     * ({@code finder} is the connector's own verified lookup), and one found is taken to be the
     * one made. Empty when the contact has neither key or nothing is found (safe to resend).
     */
    public static Future<Optional<EffectResult>> reconcileByNaturalKeys(JsonNode contactFields,
                                                                       java.util.function.Function<LookupRequest, Future<Found>> finder,
                                                                       java.util.function.IntSupplier calls) {
        List<LookupKey> keys = naturalKeys(contactFields);
        if (keys.isEmpty()) return Future.succeededFuture(Optional.empty());
        return finder.apply(new LookupRequest(keys, false, null))
                .map(f -> f.contact().map(c -> new EffectResult(c.id(), calls.getAsInt())));
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
