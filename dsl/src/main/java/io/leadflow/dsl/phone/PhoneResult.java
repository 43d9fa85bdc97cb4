package io.leadflow.dsl.phone;

/**
 * One number after standardisation: the text as given, its E.164 form (null when it could not be
 * standardised) and, when it failed, why. Rules see {@code phone} (= e164), {@code phone.valid}
 * and {@code phone.raw}.
 */
public record PhoneResult(String raw, String e164, String problem) {

    public boolean valid() {
        return e164 != null;
    }

    static PhoneResult ok(String raw, String e164) {
        return new PhoneResult(raw, e164, null);
    }

    static PhoneResult invalid(String raw, String problem) {
        return new PhoneResult(raw, null, problem);
    }
}
