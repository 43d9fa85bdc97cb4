package io.leadflow.dsl.scenario;

import io.leadflow.dsl.decide.LookupPlan;
import io.leadflow.dsl.phone.PhoneStandardizer;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.leadflow.spi.record.Newest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a {@link LookupRequest} the way a connector must: keys in order, the first key with a
 * match decides, the newest of several matches wins, then all of that contact's deals. Stored
 * phones are read with the flow's phone profile, so {@code 067…} in the CRM matches {@code +38067…}.
 * Indexes are built once, so the benchmark can use it as an in-memory CRM.
 */
public final class InMemoryCrm {
    private final Map<String, List<FoundContact>> byPhone = new HashMap<>();
    private final Map<String, List<FoundContact>> byEmail = new HashMap<>();
    private final Map<String, List<FoundDeal>> dealsByContact = new HashMap<>();

    public InMemoryCrm(CrmState state, PhoneStandardizer phones) {
        for (FoundContact c : state.contacts()) {
            String phone = c.fields().path("phone").asText(null);
            String e164 = phone == null ? null : phones.standardize(phone).e164();
            if (e164 != null) byPhone.computeIfAbsent(e164, k -> new ArrayList<>()).add(c);
            String email = LookupPlan.normalEmail(c.fields().path("email").asText(null));
            if (email != null) byEmail.computeIfAbsent(email, k -> new ArrayList<>()).add(c);
        }
        for (FoundDeal d : state.deals()) {
            if (d.contactId() != null) dealsByContact.computeIfAbsent(d.contactId(), k -> new ArrayList<>()).add(d);
        }
    }

    public Found lookup(LookupRequest request) {
        for (LookupKey key : request.keys()) {
            List<FoundContact> hits = (key.kind() == LookupKey.Kind.PHONE ? byPhone : byEmail).getOrDefault(key.value(), List.of());
            Optional<FoundContact> newest = Newest.contact(hits);
            if (newest.isPresent()) {
                List<FoundDeal> deals = request.withDeals() ? dealsByContact.getOrDefault(newest.get().id(), List.of()) : List.of();
                return new Found(newest, deals);
            }
        }
        return Found.NOTHING;
    }
}
