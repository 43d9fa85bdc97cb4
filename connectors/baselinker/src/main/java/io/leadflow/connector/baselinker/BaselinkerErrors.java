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
 * ("too many requests") → retryable, waiting until the "blocked until" time in the message when
 * one is given (read as UTC [U]) or one minute (one rate window) otherwise; anything else →
 * permanent, with the field named in the message ({@code field 'currency'} [U]).
 */
final class BaselinkerErrors implements ResponseMapper {
    private static final Pattern FIELD = Pattern.compile("field ['\"]?([A-Za-z0-9_.\\[\\]]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNTIL = Pattern.compile("until (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter UNTIL_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Duration DEFAULT_BLOCK = Duration.ofMinutes(1);

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
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return DEFAULT_BLOCK;
        }
    }

    private static String fieldIn(String message) {
        Matcher m = FIELD.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
