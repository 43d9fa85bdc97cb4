package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** KeyCRM refusals: {message} always [P], a Laravel errors object when there is one [U]. */
class KeycrmErrorsTest {
    private final KeycrmErrors errors = new KeycrmErrors();

    private static CrmResponse answer(int status, String body) {
        return new CrmResponse(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
    }

    @Test
    void validationErrors_giveTheFirstFieldAndItsText() {
        PermanentException e = errors.rejected(answer(422, "{\"message\":\"The given data was invalid.\","
                + "\"errors\":{\"source_id\":[\"The source id field is required.\"],\"buyer\":[\"x\"]}}"));
        assertEquals("source_id", e.field());
        assertEquals("The source id field is required.", e.crmMessage());
        assertEquals(422, e.status());
    }

    @Test
    void messageOnly_givesTheMessage() {
        PermanentException e = errors.rejected(answer(404, "{\"message\":\"Not found\"}"));
        assertNull(e.field());
        assertEquals("Not found", e.crmMessage());
    }

    @Test
    void nonJsonBody_isReportedWithItsText() {
        assertTrue(errors.rejected(answer(400, "Bad Request")).crmMessage().contains("Bad Request"));
    }
}
