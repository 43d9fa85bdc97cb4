package io.leadflow.spi.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one rule every connector and the engine use to pick among several matches: the newest by
 * creation date; on a tie (or no dates) the larger id, compared numerically when both are numbers.
 */
public final class Newest {
    private Newest() { }

    private static final Comparator<String> ID_ORDER = (a, b) -> {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (na && nb) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    };

    private static final Comparator<Instant> TIME_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    public static Optional<FoundContact> contact(List<FoundContact> contacts) {
        return contacts.stream().max(Comparator.comparing(FoundContact::createdAt, TIME_ORDER)
                .thenComparing(FoundContact::id, ID_ORDER));
    }

    public static Optional<FoundDeal> deal(List<FoundDeal> deals) {
        return deals.stream().max(Comparator.comparing(FoundDeal::createdAt, TIME_ORDER)
                .thenComparing(FoundDeal::id, ID_ORDER));
    }
}
