package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** RetailCRM's refusal envelopes, as the official clients read them. */
class RetailcrmErrorsTest {
    private final RetailcrmErrors errors = new RetailcrmErrors();

    private static CrmResponse answer(int status, String body) {
        return new CrmResponse(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
    }

    @Test
    void errorsObject_givesTheFirstFieldAndItsMessage() {
        PermanentException e = errors.rejected(answer(400, "{\"success\":false,\"errorMsg\":\"Order is not loaded\","
                + "\"errors\":{\"orderType\":\"\\\"OrderType\\\" with \\\"code\\\"=\\\"x\\\" does not exist.\"}}"));
        assertEquals("orderType", e.field());
        assertEquals("\"OrderType\" with \"code\"=\"x\" does not exist.", e.crmMessage());
        assertEquals(400, e.status());
    }

    @Test
    void errorsArray_givesTheMessageWithoutField() {
        PermanentException e = errors.rejected(answer(400, "{\"success\":false,\"errorMsg\":\"Validation error\",\"errors\":[\"Phone is invalid\"]}"));
        assertNull(e.field());
        assertEquals("Validation error: Phone is invalid", e.crmMessage());
    }

    @Test
    void missingParameter_namesTheParameter() {
        assertEquals("site", errors.rejected(answer(400, "{\"success\":false,\"errorMsg\":\"Parameter 'site' is missing\"}")).field());
    }

    @Test
    void htmlPage_meansTheAccountDoesNotExist() {
        assertTrue(errors.rejected(answer(405, "<html><body>not found</body></html>")).crmMessage().contains("does not exist"));
    }

    @Test
    void successFalseInA2xx_isARefusal_successTrueIsNot() {
        assertTrue(errors.envelopeError(answer(200, "{\"success\":false,\"errorMsg\":\"Not found\"}")).isPresent());
        assertTrue(errors.envelopeError(answer(200, "{\"success\":true,\"id\":5}")).isEmpty());
    }
}
