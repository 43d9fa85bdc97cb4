package io.leadflow.connector.retailcrm;

import io.leadflow.connector.contract.PhoneMatchContract;
import io.leadflow.connector.phone.PhoneVariants;
import io.leadflow.spi.record.LookupKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The customer search: the one search value (the number's last 9 digits) is a substring of the stored digits; the re-check decides. */
class RetailcrmPhoneMatchPropertyTest extends PhoneMatchContract {

    @Override
    protected boolean searchReaches(String stored, String e164) {
        return PhoneVariants.digits(stored).contains(PhoneVariants.lastDigits(e164, 9));
    }

    @Override
    protected boolean accepts(String stored, String e164) {
        return RetailcrmLookup.matches(new JsonObject().put("phones", new JsonArray().add(new JsonObject().put("number", stored))),
                new LookupKey(LookupKey.Kind.PHONE, e164));
    }
}
