package io.leadflow.connector.http;

import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Makes every failure of a connector operation leave as a {@link ConnectorException}, so the
 * runtime only ever sees the SPI's typed outcomes whatever went wrong inside an adapter.
 */
public final class TypedFailures {
    private TypedFailures() { }

    /**
     * Runs {@code call} so that a synchronous refusal (a bad field value, a missing setting) also
     * ends as a failed future, and maps any non-typed failure with {@link #typed}.
     *
     * @param crm the CRM's display name, used in the message of an answer that could not be read
     */
    public static <T> Future<T> guarded(String crm, Supplier<Future<T>> call) {
        Future<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.recover(e -> Future.failedFuture(typed(crm, e)));
    }

    /**
     * A ConnectorException stays as it is; {@link IllegalStateException} / {@link IllegalArgumentException}
     * (a refusal found before sending) become permanent with their message; anything else is an
     * answer that could not be read, also permanent.
     */
    public static ConnectorException typed(String crm, Throwable e) {
        if (e instanceof ConnectorException c) return c;
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            return new PermanentException(e.getMessage(), null, 0);
        }
        return new PermanentException(crm + " answer could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", null, 0);
    }
}
