package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;

/**
 * {@code phone expr as UA digits 9 mobile} (L5), the basic reading: libphonenumber in the default
 * region; {@code digits} is the count of national digits the number must have; {@code mobile}
 * refuses fixed lines. The decisions part of the language may refine this step.
 */
public record PhoneStep(Eval source, String region, int digits, boolean mobileOnly, int slot) implements PerLeadStep {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Override
    public void run(Env env) {
        JsonNode v = source.eval(env);
        env.set(slot, v == null ? null : read(Values.asText(v)));
    }

    PhoneValue read(String raw) {
        try {
            PhoneNumber n = UTIL.parse(raw, region);
            String national = String.valueOf(n.getNationalNumber());
            boolean valid = UTIL.isValidNumber(n)
                    && (digits <= 0 || national.length() == digits)
                    && (!mobileOnly || UTIL.getNumberType(n) == PhoneNumberType.MOBILE
                        || UTIL.getNumberType(n) == PhoneNumberType.FIXED_LINE_OR_MOBILE);
            return new PhoneValue(raw, UTIL.format(n, PhoneNumberFormat.E164), national, valid);
        } catch (NumberParseException e) {
            return new PhoneValue(raw, null, null, false);
        }
    }
}
