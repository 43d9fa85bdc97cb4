package io.leadflow.dsl.decide.analysis;

import java.util.ArrayList;
import java.util.List;

/** One thing {@code find} can come back with: a contact or not, its newest deal's group, the marker. */
public record World(boolean contact, Deal deal, boolean marked) {

    public enum Deal { NONE, OPEN, COMPLETED, CANCELLED }

    /** Every world: only "nothing found" without {@code find}; deals only with a contact; marks only on a deal. */
    public static List<World> all(boolean find) {
        List<World> out = new ArrayList<>();
        out.add(new World(false, Deal.NONE, false));
        if (!find) return out;
        out.add(new World(true, Deal.NONE, false));
        for (Deal d : List.of(Deal.OPEN, Deal.COMPLETED, Deal.CANCELLED)) {
            out.add(new World(true, d, false));
            out.add(new World(true, d, true));
        }
        return out;
    }

    public String describe() {
        if (!contact) return "no contact found";
        if (deal == Deal.NONE) return "a contact without deals";
        return "a contact whose newest deal is " + deal.name().toLowerCase(java.util.Locale.ROOT)
                + (marked ? " and already marked" : " and not marked");
    }
}
