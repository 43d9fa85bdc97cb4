package io.leadflow.spi.record;

import java.util.List;
import java.util.Optional;

/** The answer to a {@link LookupRequest}: the chosen contact (if any) and all of its deals. */
public record Found(Optional<FoundContact> contact, List<FoundDeal> deals) {

    public static final Found NOTHING = new Found(Optional.empty(), List.of());

    public Found {
        deals = List.copyOf(deals);
    }

    /** The newest deal of the contact, the one the rules look at. */
    public Optional<FoundDeal> newestDeal() {
        return Newest.deal(deals);
    }
}
