package io.leadflow.connector.phone;

import static org.junit.jupiter.api.Assertions.*;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** libphonenumber is the oracle: every way it formats a number is the same number to PhoneVariants. */
class PhoneVariantsPropertyTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Provide
    Arbitrary<String> uaMobiles() {
        return Arbitraries.of("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99")
                .flatMap(op -> Arbitraries.strings().numeric().ofLength(7).map(rest -> "+380" + op + rest));
    }

    @Property(tries = 300)
    void everyFormat_isTheSameNumber(@ForAll("uaMobiles") String e164) throws Exception {
        PhoneNumber n = UTIL.parse(e164, "UA");
        for (PhoneNumberUtil.PhoneNumberFormat f : PhoneNumberUtil.PhoneNumberFormat.values()) {
            String stored = UTIL.format(n, f);
            assertTrue(PhoneVariants.sameNumber(stored, e164), stored);
        }
        for (String v : PhoneVariants.of(e164).subList(0, 3)) assertTrue(PhoneVariants.sameNumber(v, e164), v);
    }

    @Property(tries = 300)
    void lastNineDigits_areInTheDigitsOfEveryFormat(@ForAll("uaMobiles") String e164) throws Exception {
        PhoneNumber n = UTIL.parse(e164, "UA");
        String key = PhoneVariants.lastDigits(e164, 9);
        for (PhoneNumberUtil.PhoneNumberFormat f : PhoneNumberUtil.PhoneNumberFormat.values()) {
            assertTrue(PhoneVariants.digits(UTIL.format(n, f)).contains(key));
        }
    }

    @Property(tries = 300)
    void anotherNumber_isNeverTheSame(@ForAll("uaMobiles") String a, @ForAll("uaMobiles") String b) {
        if (!a.equals(b)) assertFalse(PhoneVariants.sameNumber(a, b));
    }
}
