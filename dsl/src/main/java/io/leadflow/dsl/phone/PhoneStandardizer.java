package io.leadflow.dsl.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Standardises numbers for one {@link PhoneProfile}. Thread-safe (libphonenumber's util is).
 * Rules, in order: blank → invalid; the old Ukrainian trunk form {@code 80XXXXXXXXX} (11 digits,
 * no plus) loses its leading 8 (libphonenumber reads it as +38080…, crm-apis.md §9); parse with the
 * profile's region; the number must be valid ({@code isValidNumber}, not {@code isPossibleNumber}),
 * of the profile's country, with the expected count of national digits, and mobile when asked.
 */
public final class PhoneStandardizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;

    private final PhoneProfile profile;
    private final int countryCode;
    /** The Russian fast path is for the RU profile only (+7 is also Kazakhstan's, whose parsing it does not copy). */
    private final boolean ru;

    public PhoneStandardizer(PhoneProfile profile) {
        this.profile = profile;
        this.countryCode = profile.countryCode();
        this.ru = "RU".equals(profile.region());
    }

    public PhoneProfile profile() {
        return profile;
    }

    public PhoneResult standardize(String raw) {
        if (raw == null || raw.isBlank()) return PhoneResult.invalid(raw, "no phone given");
        if (raw.length() > MAX_INPUT) return PhoneResult.invalid(raw, "longer than " + MAX_INPUT + " characters");
        String text = oldTrunkForm(raw.strip());
        long fast = countryCode == 380 ? FastPath.ua(text) : ru ? FastPath.ru(text) : -1;
        PhoneNumber n;
        if (fast > 0) {
            n = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(fast);
        } else {
            try {
                n = UTIL.parse(text, profile.region());
            } catch (NumberParseException e) {
                return PhoneResult.invalid(raw, "not a phone number (" + e.getErrorType().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        if (n.getCountryCode() != countryCode) {
            return PhoneResult.invalid(raw, "country code +" + n.getCountryCode() + " is not the flow's +" + countryCode + " (" + profile.region() + ")");
        }
        if (!UTIL.isValidNumber(n)) return PhoneResult.invalid(raw, "not a valid " + profile.region() + " number");
        String national = UTIL.getNationalSignificantNumber(n);
        if (profile.digits() > 0 && national.length() != profile.digits()) {
            return PhoneResult.invalid(raw, national.length() + " national digits, expected " + profile.digits());
        }
        if (profile.mobileOnly()) {
            PhoneNumberType t = UTIL.getNumberType(n);
            if (t != PhoneNumberType.MOBILE && t != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return PhoneResult.invalid(raw, "not a mobile number (" + t.name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        return PhoneResult.ok(raw, UTIL.format(n, PhoneNumberFormat.E164));
    }

    /** {@code 8 050 123 45 67} → {@code 050 123 45 67}: only for +380 profiles and only the exact 11-digit 80… shape. */
    private String oldTrunkForm(String text) {
        if (countryCode != 380 || text.startsWith("+")) return text;
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= '0' && text.charAt(i) <= '9') b.append(text.charAt(i));
        String digits = b.toString();
        if (digits.length() == 11 && digits.startsWith("80")) return digits.substring(1);
        return text;
    }
}
