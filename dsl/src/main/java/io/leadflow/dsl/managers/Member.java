package io.leadflow.dsl.managers;

/** One manager of a collection: the CRM's id for them and their weight (1 under {@code rotate}). */
public record Member(String id, long weight) {
    /** Keeps count × weight far from overflow for any realistic count. */
    public static final long MAX_WEIGHT = 1000;

    public Member {
        if (weight < 1 || weight > MAX_WEIGHT) throw new IllegalArgumentException("weight must be 1.." + MAX_WEIGHT + ": " + weight);
    }
}
