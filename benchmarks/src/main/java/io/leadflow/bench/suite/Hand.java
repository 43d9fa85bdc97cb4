package io.leadflow.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.phone.PhoneProfile;
import io.leadflow.dsl.phone.PhoneResult;
import io.leadflow.dsl.phone.PhoneStandardizer;
import java.math.BigDecimal;
import java.util.Locale;

/** What a careful developer writes by hand over Jackson: null-safe reads and puts, nothing clever. */
final class Hand {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final PhoneStandardizer UA = new PhoneStandardizer(PhoneProfile.of(java.util.Optional.of("UA"), java.util.Optional.empty(), false));

    static final PhoneStandardizer RU = new PhoneStandardizer(PhoneProfile.of(java.util.Optional.of("RU"), java.util.Optional.empty(), false));

    private Hand() { }

    /** The value at a path, null when any step is missing, not an object, or JSON null. */
    static JsonNode at(JsonNode from, String... path) {
        JsonNode v = from;
        for (String p : path) {
            if (v == null || !v.isObject()) return null;
            v = v.get(p);
        }
        return v == null || v.isNull() ? null : v;
    }

    static void copy(ObjectNode to, String as, JsonNode v) {
        if (v != null) to.set(as, v);
    }

    static void put(ObjectNode to, String as, String v) {
        if (v != null) to.put(as, v);
    }

    static String text(JsonNode v) {
        if (v == null) return null;
        if (v.isTextual()) return v.textValue();
        if (v.isFloatingPointNumber()) return v.decimalValue().stripTrailingZeros().toPlainString();
        return v.asText();
    }

    static String or(String s) {
        return s == null ? "" : s;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }

    /** Shop-style number text ("39,90", "1 200.50") as a number, as the flows' number() reads it. */
    static BigDecimal number(JsonNode v) {
        if (v == null) return null;
        if (v.isNumber()) return v.decimalValue();
        return io.leadflow.dsl.eval.NumberText.parse(v.asText());
    }

    static void putNumber(ObjectNode to, String as, BigDecimal d) {
        if (d == null) return;
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) to.put(as, s.intValueExact());
        else to.put(as, s);
    }

    /** E.164 of a Ukrainian number, or null when it cannot be standardised. */
    static String e164(String raw) {
        return e164(UA, raw);
    }

    /** E.164 of a Russian number, or null when it cannot be standardised. */
    static String e164Ru(String raw) {
        return e164(RU, raw);
    }

    private static String e164(PhoneStandardizer profile, String raw) {
        if (raw == null) return null;
        PhoneResult r = profile.standardize(raw);
        return r.valid() ? r.e164() : null;
    }
}
