package io.leadflow.connector.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The textual forms one phone number may be stored in, for CRMs that search phones as text:
 * E.164 ({@code +380671234567}), without plus ({@code 380671234567}), national with the trunk
 * prefix ({@code 0671234567}) and the last 9 digits ({@code 671234567}). libphonenumber is the
 * oracle for country codes and trunk prefixes.
 */
public final class PhoneVariants {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneVariants() { }

    /** The variants of an E.164 number, most specific first; empty for a value that is not E.164. */
    public static List<String> of(String e164) {
        Optional<PhoneNumber> parsed = parse(e164, null);
        if (parsed.isEmpty()) return List.of();
        PhoneNumber n = parsed.get();
        String international = UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(international);
        out.add(international.substring(1));
        national(n).ifPresent(out::add);
        out.add(lastDigits(international, 9));
        return List.copyOf(out);
    }

    /**
     * The number as dialled at home, digits only, with the trunk prefix ({@code +380671234567} →
     * {@code 0671234567}); empty when the value is not E.164 or its region has no trunk prefix.
     */
    public static Optional<String> national(String e164) {
        return parse(e164, null).flatMap(PhoneVariants::national);
    }

    private static Optional<String> national(PhoneNumber n) {
        String region = UTIL.getRegionCodeForNumber(n);
        String trunk = region == null ? null : UTIL.getNddPrefixForRegion(region, true);
        return trunk == null || trunk.isEmpty() ? Optional.empty() : Optional.of(trunk + UTIL.getNationalSignificantNumber(n));
    }

    /** The last {@code n} digits of any text, or all its digits when it has fewer. */
    public static String lastDigits(String text, int n) {
        String d = digits(text);
        return d.length() <= n ? d : d.substring(d.length() - n);
    }

    /** Only the digits of a text. */
    public static String digits(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A stored phone in E.164, read in the region of {@code reference} (an E.164 number), or empty
     * when it is not a valid number. {@code "067 123 45 67"} with a +380 reference → {@code +380671234567}.
     */
    public static Optional<String> normalise(String stored, String reference) {
        String region = parse(reference, null).map(UTIL::getRegionCodeForNumber).orElse(null);
        return parse(stored, region).filter(UTIL::isValidNumber)
                .map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** Whether a stored phone, in whatever format, is the same number as an E.164 one. */
    public static boolean sameNumber(String stored, String e164) {
        return normalise(stored, e164).map(e164::equals).orElse(false);
    }

    private static Optional<PhoneNumber> parse(String text, String region) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(UTIL.parse(text, region == null ? "ZZ" : region));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
