package io.leadflow.dsl.managers;

import java.util.List;

/** A named list of managers and its strategy; immutable, one per {@code managers} declaration. */
public record ManagerCollection(String name, Strategy strategy, List<Member> members) {
    public ManagerCollection {
        members = List.copyOf(members);
        if (members.isEmpty()) throw new IllegalArgumentException("collection " + name + " has no managers");
    }
}
