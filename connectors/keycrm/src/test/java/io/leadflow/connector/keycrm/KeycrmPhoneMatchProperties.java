package io.leadflow.connector.keycrm;

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
 * The buyer search with libphonenumber as the oracle: for a Ukrainian mobile number stored in
 * any of libphonenumber's formats, one of the searched variants has the stored digits (what the
 * emulator compares [U]), and the client-side re-check accepts the buyer; another number never.
 */
class KeycrmPhoneMatchProperties {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Provide
    Arbitrary<PhoneNumber> uaMobiles() {
        return PhoneArbitraries.uaMobiles();
    }

    @Provide
    Arbitrary<PhoneNumberFormat> formats() {
        return PhoneArbitraries.formats();
    }

    private static JsonObject buyer(String stored) {
        return new JsonObject().put("phone", new JsonArray().add(stored));
    }

    @Property(tries = 300)
    void anyStoredFormat_isHitByAVariant_andAccepted(@ForAll("uaMobiles") PhoneNumber n, @ForAll("formats") PhoneNumberFormat f) {
        String e164 = UTIL.format(n, PhoneNumberFormat.E164);
        String stored = UTIL.format(n, f);
        assertTrue(PhoneVariants.of(e164).stream().anyMatch(v -> PhoneVariants.digits(v).equals(PhoneVariants.digits(stored))), stored);
        assertTrue(KeycrmLookup.matches(buyer(stored), new LookupKey(LookupKey.Kind.PHONE, e164)), stored);
    }

    @Property(tries = 300)
    void anotherNumber_isNeverAccepted(@ForAll("uaMobiles") PhoneNumber a, @ForAll("uaMobiles") PhoneNumber b,
                                       @ForAll("formats") PhoneNumberFormat f) {
        if (a.getNationalNumber() == b.getNationalNumber()) return;
        assertFalse(KeycrmLookup.matches(buyer(UTIL.format(b, f)), new LookupKey(LookupKey.Kind.PHONE, UTIL.format(a, PhoneNumberFormat.E164))));
    }
}
