package io.leadflow.connector.http;

import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.PermanentException;
import java.time.Duration;
import java.util.Optional;

/**
 * A CRM's own error envelope, supplied by each connector to {@link CrmHttp}. The shared rules
 * (429/502/503/504 retryable, 401/403 auth, other 5xx retryable) are applied by {@code CrmHttp};
 * this interface only reads what the CRM says.
 */
public interface ResponseMapper {

    /**
     * A refusal (4xx other than 401, 403, 429): the CRM's own message and, where it names one,
     * the field. Called only for those statuses.
     */
    PermanentException rejected(CrmResponse response);

    /**
     * An error reported inside a 2xx answer (Baselinker's {@code status: ERROR}), or empty for a
     * real success. A {@link io.leadflow.spi.error.RetryableException} with a {@code retryAfter}
     * pauses the account's bucket like a 429 would.
     */
    default Optional<ConnectorException> envelopeError(CrmResponse response) {
        return Optional.empty();
    }

    /**
     * The wait to assume when a 429/502/503/504 comes without a readable {@code Retry-After}
     * (RetailCRM's over-limit 503 names none: one second, its window), or null for none. A wait
     * given here pauses the account's bucket like a header would.
     */
    default Duration retryAfterWithoutHeader(CrmResponse response) {
        return null;
    }
}
