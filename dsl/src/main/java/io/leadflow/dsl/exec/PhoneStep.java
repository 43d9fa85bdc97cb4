package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;

/**
 * {@code phone expr as UA digits 9 mobile} (L5), the basic reading: libphonenumber in the default
 * region; {@code digits} is the count of national digits the number must have; {@code mobile}
 * refuses fixed lines. The decisions part of the language may refine this step.
 */
public record PhoneStep(Eval source, String region, int digits, boolean mobileOnly, int slot) implements PerLeadStep {

    @Override
    public void run(Env env) {
        JsonNode v = source.eval(env);
        env.set(slot, v == null ? null : read(Values.asText(v)));
    }

    /** Delegates to the decisions' {@link io.leadflow.dsl.phone.PhoneStandardizer} (old 80… form, country check, UA default of 9 digits). */
    PhoneValue read(String raw) {
        var profile = io.leadflow.dsl.phone.PhoneProfile.of(java.util.Optional.of(region),
                digits > 0 ? java.util.Optional.of(digits) : java.util.Optional.empty(), mobileOnly);
        var r = new io.leadflow.dsl.phone.PhoneStandardizer(profile).standardize(raw);
        String cc = "+" + profile.countryCode();
        return new PhoneValue(raw, r.e164(), r.valid() ? r.e164().substring(cc.length()) : null, r.valid());
    }
}
