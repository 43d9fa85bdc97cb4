package io.leadflow.connector.contract;

import static org.junit.jupiter.api.Assertions.*;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A connector's phone search with libphonenumber as the oracle: for a Ukrainian mobile number
 * stored in any of libphonenumber's formats, the connector's search request reaches the stored
 * record (as its emulator compares [U]) and the client-side re-check accepts it; a record with
 * another number is never accepted. A module extends this with its search and re-check.
 */
public abstract class PhoneMatchContract {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Whether the search the connector sends for {@code e164} reaches a record stored as {@code stored}. */
    protected abstract boolean searchReaches(String stored, String e164);

    /** Whether the connector's re-check accepts a record stored as {@code stored} for {@code e164}. */
    protected abstract boolean accepts(String stored, String e164);

    @Provide
    Arbitrary<PhoneNumber> uaMobiles() {
        return Arbitraries.of(50, 63, 66, 67, 68, 73, 93, 95, 96, 97, 98, 99)
                .flatMap(op -> Arbitraries.integers().between(0, 9_999_999)
                        .map(rest -> new PhoneNumber().setCountryCode(380).setNationalNumber(op * 10_000_000L + rest)));
    }

    @Provide
    Arbitrary<PhoneNumberFormat> formats() {
        return Arbitraries.of(PhoneNumberFormat.values());
    }

    @Property(tries = 300)
    void anyStoredFormat_isReachedBySearch_andAccepted(@ForAll("uaMobiles") PhoneNumber n, @ForAll("formats") PhoneNumberFormat f) {
        String e164 = UTIL.format(n, PhoneNumberFormat.E164);
        String stored = UTIL.format(n, f);
        assertTrue(searchReaches(stored, e164), stored);
        assertTrue(accepts(stored, e164), stored);
    }

    @Property(tries = 300)
    void anotherNumber_isNeverAccepted(@ForAll("uaMobiles") PhoneNumber a, @ForAll("uaMobiles") PhoneNumber b,
                                       @ForAll("formats") PhoneNumberFormat f) {
        if (a.getNationalNumber() == b.getNationalNumber()) return;
        assertFalse(accepts(UTIL.format(b, f), UTIL.format(a, PhoneNumberFormat.E164)));
    }
}
