package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leadflow.connector.contract.PhoneArbitraries;
import io.leadflow.connector.phone.PhoneVariants;
import io.leadflow.spi.record.LookupKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The phone search with libphonenumber as the oracle: whatever format a Ukrainian mobile number
 * is stored in, the one search value (its last 9 digits) is a substring of the stored digits, and
 * the client-side re-check accepts it; another number is never accepted.
 */
class RetailcrmPhoneMatchProperties {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Provide
    Arbitrary<PhoneNumber> uaMobiles() {
        return PhoneArbitraries.uaMobiles();
    }

    @Provide
    Arbitrary<PhoneNumberFormat> formats() {
        return PhoneArbitraries.formats();
    }

    private static JsonObject customer(String stored) {
        return new JsonObject().put("phones", new JsonArray().add(new JsonObject().put("number", stored)));
    }

    @Property(tries = 300)
    void anyStoredFormat_isFoundByTheSearchValue_andAccepted(@ForAll("uaMobiles") PhoneNumber n, @ForAll("formats") PhoneNumberFormat f) {
        String e164 = UTIL.format(n, PhoneNumberFormat.E164);
        String stored = UTIL.format(n, f);
        assertTrue(PhoneVariants.digits(stored).contains(PhoneVariants.lastDigits(e164, 9)), stored);
        assertTrue(RetailcrmLookup.matches(customer(stored), new LookupKey(LookupKey.Kind.PHONE, e164)), stored);
    }

    @Property(tries = 300)
    void anotherNumber_isNeverAccepted(@ForAll("uaMobiles") PhoneNumber a, @ForAll("uaMobiles") PhoneNumber b,
                                       @ForAll("formats") PhoneNumberFormat f) {
        if (a.getNationalNumber() == b.getNationalNumber()) return;
        assertFalse(RetailcrmLookup.matches(customer(UTIL.format(b, f)),
                new LookupKey(LookupKey.Kind.PHONE, UTIL.format(a, PhoneNumberFormat.E164))));
    }
}
