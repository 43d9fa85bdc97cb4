package io.leadflow.connector.contract;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** jqwik generators for the phone-match properties of every connector: Ukrainian mobiles in any libphonenumber format. */
public final class PhoneArbitraries {
    private PhoneArbitraries() { }

    /** Ukrainian mobile numbers of the common operator codes. */
    public static Arbitrary<PhoneNumber> uaMobiles() {
        return Arbitraries.of(50, 63, 66, 67, 68, 73, 93, 95, 96, 97, 98, 99)
                .flatMap(op -> Arbitraries.integers().between(0, 9_999_999)
                        .map(rest -> new PhoneNumber().setCountryCode(380).setNationalNumber(op * 10_000_000L + rest)));
    }

    /** Every format libphonenumber writes a number in. */
    public static Arbitrary<PhoneNumberFormat> formats() {
        return Arbitraries.of(PhoneNumberFormat.values());
    }
}
