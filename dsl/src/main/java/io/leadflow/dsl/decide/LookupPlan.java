package io.leadflow.dsl.decide;

import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A flow's {@code find contact by phone, email}: the key kinds in the declared order, whether
 * the rules need deals, and the marker. Keys without a value for this lead are left out; a
 * lead with no key at all looks nothing up (it is treated as a new person).
 */
public record LookupPlan(List<LookupKey.Kind> kinds, boolean withDeals, String marker) {
    public LookupPlan {
        kinds = List.copyOf(kinds);
    }

    /** @param phoneE164 the standardised phone or null; @param email the lead's email or null */
    public Optional<LookupRequest> request(String phoneE164, String email) {
        List<LookupKey> keys = new ArrayList<>(kinds.size());
        for (LookupKey.Kind k : kinds) {
            String v = k == LookupKey.Kind.PHONE ? phoneE164 : normalEmail(email);
            if (v != null) keys.add(new LookupKey(k, v));
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(new LookupRequest(keys, withDeals, marker));
    }

    /** Trimmed and lower-cased; null when blank or without an {@code @}. */
    public static String normalEmail(String email) {
        if (email == null) return null;
        String e = email.strip().toLowerCase(Locale.ROOT);
        return e.isEmpty() || e.indexOf('@') < 1 ? null : e;
    }
}
