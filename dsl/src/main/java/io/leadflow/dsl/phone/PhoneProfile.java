package io.leadflow.dsl.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;

/**
 * How a flow reads phone numbers: the default region (ISO 3166 code, {@code UA} unless the flow
 * says otherwise), the expected count of national significant digits (0: whatever the region's
 * plan allows), and whether only mobile numbers count.
 */
public record PhoneProfile(String region, int digits, boolean mobileOnly) {
    public static final PhoneProfile UA = new PhoneProfile("UA", 9, false);

    public PhoneProfile {
        region = region.toUpperCase(Locale.ROOT);
        if (digits < 0) throw new IllegalArgumentException("digits must not be negative: " + digits);
    }

    /** The profile of {@code phone … as REGION digits N mobile}; the digit count defaults to 9 for UA, else any. */
    public static PhoneProfile of(Optional<String> region, Optional<Integer> digits, boolean mobileOnly) {
        String r = region.orElse("UA").toUpperCase(Locale.ROOT);
        return new PhoneProfile(r, digits.orElse(r.equals("UA") ? 9 : 0), mobileOnly);
    }

    /** Whether libphonenumber knows the region (checked at compile time). */
    public boolean knownRegion() {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(region);
    }

    /** The country calling code of the region ({@code 380} for UA). */
    public int countryCode() {
        return PhoneNumberUtil.getInstance().getCountryCodeForRegion(region);
    }
}
