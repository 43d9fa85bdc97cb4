package io.leadflow.dsl;

import io.leadflow.spi.record.LookupRequest;
import java.util.Optional;

/**
 * The result of a flow's filters and normalisation for one lead. Opaque beyond these
 * accessors: the flow keeps what it computed (normalised phone, lets) for {@link Flow#decide}.
 */
public interface Evaluation {

    /** The reason of the filter that dropped the lead, or empty when it goes on. */
    Optional<String> dropReason();

    /** What to look up in the CRM, or empty when the flow has no {@code find} (or the lead was dropped). */
    Optional<LookupRequest> lookup();

    /**
     * The key that orders leads of the same person (normalised phone, else lower-cased email,
     * else the lead id): leads with the same key are processed one at a time, in order.
     */
    String contactKey();

    /** The trace so far (filters and their results), for the registry and {@code explain}. */
    Trace trace();
}
