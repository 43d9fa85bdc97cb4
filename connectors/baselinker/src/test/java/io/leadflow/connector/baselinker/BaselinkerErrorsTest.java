package io.leadflow.connector.baselinker;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaselinkerErrorsTest {
    private final BaselinkerErrors errors = new BaselinkerErrors(() -> Instant.parse("2026-11-23T12:00:00Z"));

    private static CrmResponse ok(String body) {
        return new CrmResponse(200, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
    }

    @Test
    void success_isNoError() {
        assertTrue(errors.envelopeError(ok("{\"status\":\"SUCCESS\",\"order_id\":1}")).isEmpty());
    }

    @Test
    void blockedToken_isRetryableUntilTheTimeItNames() {
        RetryableException e = (RetryableException) errors.envelopeError(ok("{\"status\":\"ERROR\",\"error_code\":\"ERROR_BLOCKED_TOKEN\","
                + "\"error_message\":\"Query limit exceeded, token blocked until 2026-11-23 12:00:42\"}")).orElseThrow();
        assertEquals(Duration.ofSeconds(42), e.retryAfter());
    }

    @Test
    void blockedUntilATimeAlreadyPast_waitsOneWindow_neverRetriesAtOnce() {
        RetryableException e = (RetryableException) errors.map("ERROR_BLOCKED_TOKEN",
                "Query limit exceeded, token blocked until 2026-11-23 11:00:00", 200);
        assertEquals(Duration.ofMinutes(1), e.retryAfter(), "the zone of the time is unconfirmed: a past time is no licence to hammer");
    }

    @Test
    void blockedUntilFarAhead_waitsAtMostAnHour() {
        RetryableException e = (RetryableException) errors.map("ERROR_BLOCKED_TOKEN",
                "Query limit exceeded, token blocked until 2026-11-23 17:00:00", 200);
        assertEquals(Duration.ofHours(1), e.retryAfter());
    }

    @Test
    void blockedTokenWithoutTime_waitsOneWindow() {
        RetryableException e = (RetryableException) errors.map("ERROR_BLOCKED_TOKEN", "Too many requests", 200);
        assertEquals(Duration.ofMinutes(1), e.retryAfter());
    }

    @Test
    void badToken_isAuth() {
        assertInstanceOf(AuthException.class, errors.map("ERROR_BAD_TOKEN", "Invalid user token", 200));
    }

    @Test
    void validation_isPermanentWithTheFieldNamed() {
        PermanentException e = (PermanentException) errors.map("ERROR_FIELD_VALUE", "Invalid value of field 'currency': must be 3 letters", 200);
        assertEquals("currency", e.field());
        assertEquals("Invalid value of field 'currency': must be 3 letters", e.crmMessage());
    }

    @Test
    void nonJsonAnswer_isPermanent() {
        assertInstanceOf(PermanentException.class, errors.envelopeError(ok("<html>oops</html>")).orElseThrow());
    }
}
