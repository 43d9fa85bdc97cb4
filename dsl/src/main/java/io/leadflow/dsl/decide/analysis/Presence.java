package io.leadflow.dsl.decide.analysis;

/** Atoms whose truth follows from what {@code find} found. */
public enum Presence {
    CONTACT, DEAL, OPEN, CLOSED, COMPLETED, CANCELLED, MARKED;

    public boolean in(World w) {
        return switch (this) {
            case CONTACT -> w.contact();
            case DEAL -> w.deal() != World.Deal.NONE;
            case OPEN -> w.deal() == World.Deal.OPEN;
            case CLOSED -> w.deal() == World.Deal.COMPLETED || w.deal() == World.Deal.CANCELLED;
            case COMPLETED -> w.deal() == World.Deal.COMPLETED;
            case CANCELLED -> w.deal() == World.Deal.CANCELLED;
            case MARKED -> w.marked();
        };
    }
}
