package io.leadflow.connector.baselinker;

import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Baselinker's envelope onto the typed errors. Errors come as HTTP 200 with {@code status: ERROR},
 * {@code error_code}, {@code error_message} [C]; the concrete codes are [U], so this maps by
 * pattern: a code mentioning a bad/invalid token or a blocked account → auth; a blocked token
 * ("too many requests") → retryable; anything else → permanent, with the field named in the
 * message ({@code field 'currency'} [U]).
 *
 * <p>The wait after a block: the reference says only that the API blocks an account past its
 * limit instead of answering 429 [P]; a "blocked until" time in the message, its format and its
 * time zone are all [U]. So the time, when one is found, is read as UTC — of the plausible zones
 * (UTC, the vendor's Europe/Warsaw) that gives the latest end, so a wrong guess makes the account
 * wait longer, never call into the block. A time already past (a wrong zone or a clock skew)
 * waits one rate window (60 s), never an immediate retry; a wait beyond one hour is cut to an
 * hour (a misread far-future time must not freeze the account; a still-blocked call pauses it
 * again).
 * No time in the message: one rate window.
 */
final class BaselinkerErrors implements ResponseMapper {
    private static final Pattern FIELD = Pattern.compile("field ['\"]?([A-Za-z0-9_.\\[\\]]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNTIL = Pattern.compile("until (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter UNTIL_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Duration DEFAULT_BLOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_BLOCK = Duration.ofHours(1);

    private final Supplier<Instant> clock;

    BaselinkerErrors(Supplier<Instant> clock) {
        this.clock = clock;
    }

    @Override
    public PermanentException rejected(CrmResponse response) {
        JsonObject body = response.jsonObject();
        String message = body != null && body.getString("error_message") != null ? body.getString("error_message") : response.text(300);
        return new PermanentException(message, fieldIn(message), response.status());
    }

    @Override
    public Optional<ConnectorException> envelopeError(CrmResponse response) {
        JsonObject body = response.jsonObject();
        if (body == null) {
            return Optional.of(new PermanentException("answer is not a JSON object: " + response.text(200), null, response.status()));
        }
        if ("SUCCESS".equals(body.getString("status"))) return Optional.empty();
        String code = String.valueOf(body.getValue("error_code", "ERROR"));
        String message = String.valueOf(body.getValue("error_message", code));
        return Optional.of(map(code, message, response.status()));
    }

    ConnectorException map(String code, String message, int status) {
        String c = code.toUpperCase();
        if (c.contains("BLOCKED_TOKEN") || c.contains("LIMIT")) {
            Duration wait = blockedFor(message);
            return new RetryableException("baselinker: " + code + ": " + message, status, wait, null);
        }
        if (c.contains("TOKEN") || c.contains("ACCOUNT_BLOCKED") || c.contains("PERMISSION")) {
            return new AuthException("baselinker: " + code + ": " + message);
        }
        return new PermanentException(message, fieldIn(message), status);
    }

    private Duration blockedFor(String message) {
        Matcher m = UNTIL.matcher(message);
        if (!m.find()) return DEFAULT_BLOCK;
        try {
            Instant until = LocalDateTime.parse(m.group(1), UNTIL_FORMAT).toInstant(ZoneOffset.UTC);
            Duration d = Duration.between(clock.get(), until);
            if (d.isNegative() || d.isZero()) return DEFAULT_BLOCK;
            return d.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : d;
        } catch (DateTimeParseException e) {
            return DEFAULT_BLOCK;
        }
    }

    private static String fieldIn(String message) {
        Matcher m = FIELD.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
