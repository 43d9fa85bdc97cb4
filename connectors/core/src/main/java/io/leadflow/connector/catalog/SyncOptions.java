package io.leadflow.connector.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one product sync run does (the job's arguments).
 *
 * @param scope      {@code FULL}: every field, new and missing products; {@code PRICES}: only price
 *                   and stock of products already in the shop
 * @param match      how a source product finds its shop product when it is not linked yet
 * @param onNew      a source product the shop lacks: {@code HIDE} (created hidden), {@code PUBLISH}
 *                   (created visible), {@code SKIP} (not created)
 * @param onExisting a product both have: {@code UPDATE} (changed fields sent) or {@code SKIP}
 * @param onMissing  a shop product linked to a source product that is gone (or outside the
 *                   categories): {@code NOTHING}, {@code HIDE} ({@code visible: false}),
 *                   {@code UNAVAILABLE} ({@code available: false})
 * @param categories source category ids to sync; empty = all
 */
public record SyncOptions(Scope scope, MatchKey match, NewPolicy onNew, ExistingPolicy onExisting, MissingPolicy onMissing,
                          Set<String> categories) {
    public SyncOptions {
        categories = Set.copyOf(categories);
    }

    public enum Scope { FULL, PRICES }

    public enum MatchKey { ID, SKU, NAME, BARCODE, EXTERNAL_ID }

    public enum NewPolicy { HIDE, PUBLISH, SKIP }

    public enum ExistingPolicy { UPDATE, SKIP }

    public enum MissingPolicy { NOTHING, HIDE, UNAVAILABLE }

    /** The rule-file spellings of an enum's values ({@code external_id}, {@code publish}…). */
    public static List<String> words(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The value of {@code type} spelled {@code word} in the rule file. */
    public static <E extends Enum<E>> E parse(Class<E> type, String word) {
        return Enum.valueOf(type, word.trim().toUpperCase(Locale.ROOT));
    }
}
