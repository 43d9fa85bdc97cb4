package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.phone.PhoneProfile;
import io.leadflow.dsl.phone.PhoneStandardizer;
import java.util.Optional;

/**
 * {@code phone expr as UA digits 9 mobile} (L5), the basic reading: libphonenumber in the default
 * region; {@code digits} is the count of national digits the number must have; {@code mobile}
 * refuses fixed lines. The profile and its standardiser depend only on the rule file, so they are
 * built once when the flow compiles, not per lead.
 */
public final class PhoneStep implements PerLeadStep {
    private final Eval source;
    private final int slot;
    private final PhoneStandardizer standardizer;
    private final int countryPrefix;

    public PhoneStep(Eval source, String region, int digits, boolean mobileOnly, int slot) {
        this.source = source;
        this.slot = slot;
        PhoneProfile profile = PhoneProfile.of(Optional.of(region), digits > 0 ? Optional.of(digits) : Optional.empty(), mobileOnly);
        this.standardizer = new PhoneStandardizer(profile);
        this.countryPrefix = ("+" + profile.countryCode()).length();
    }

    @Override
    public void run(Env env) {
        JsonNode v = source.eval(env);
        env.set(slot, v == null ? null : read(Values.asText(v)));
    }

    /** Delegates to the decisions' {@link PhoneStandardizer} (old 80… form, country check, UA default of 9 digits). */
    PhoneValue read(String raw) {
        var r = standardizer.standardize(raw);
        return new PhoneValue(raw, r.e164(), r.valid() ? r.e164().substring(countryPrefix) : null, r.valid());
    }
}
