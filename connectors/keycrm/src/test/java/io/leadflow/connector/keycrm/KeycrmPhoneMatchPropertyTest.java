package io.leadflow.connector.keycrm;

import io.leadflow.connector.contract.PhoneMatchContract;
import io.leadflow.connector.phone.PhoneVariants;
import io.leadflow.spi.record.LookupKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The buyer search: one of the searched variants has the stored digits (what the emulator compares [U]); the re-check decides. */
class KeycrmPhoneMatchPropertyTest extends PhoneMatchContract {

    @Override
    protected boolean searchReaches(String stored, String e164) {
        return PhoneVariants.of(e164).stream().anyMatch(v -> PhoneVariants.digits(v).equals(PhoneVariants.digits(stored)));
    }

    @Override
    protected boolean accepts(String stored, String e164) {
        return KeycrmLookup.matches(new JsonObject().put("phone", new JsonArray().add(stored)), new LookupKey(LookupKey.Kind.PHONE, e164));
    }
}
