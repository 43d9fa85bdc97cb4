package io.leadflow.dsl.exec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of the lead a flow's mapping reads (its lets, phone and blocks), as a tree of member
 * names, recorded by {@link ExprCompiler} while it compiles them: {@code lead.utm.utm_source}
 * needs only that member; {@code lead.utm} used as a value needs all of it; {@code products from
 * lead.items as item} with {@code item.sku} needs {@code sku} of every element of {@code items}.
 * {@link LeadReader} reads just these from the lead's bytes. Filled while the flow compiles, then
 * only read.
 */
final class LeadReads {
    /** One member read; {@code whole}: the value is used as it is, so all of it is read. */
    static final class Node {
        boolean whole;
        final Map<String, Node> members = new LinkedHashMap<>();
        /** What is read of each element when the value is iterated as a list. */
        Node items;

        Node member(String name) {
            return members.computeIfAbsent(name, k -> new Node());
        }
    }

    final Node lead = new Node();
    /** Loop variables (their slot) bound to the elements of a lead path. */
    private final Map<Integer, Node> loops = new HashMap<>();

    /** The whole lead is used (passed on as a value): nothing can be left out. */
    void whole() {
        lead.whole = true;
    }

    void path(String[] names) {
        at(lead, names).whole = true;
    }

    /** {@code products from lead.<names> as <slot>}: the elements of that list are read through the slot. */
    void loop(int slot, String[] names) {
        Node list = at(lead, names);
        if (list.items == null) list.items = new Node();
        loops.put(slot, list.items);
    }

    /** A read through a slot: recorded when the slot is a loop variable over a lead list (else its value was recorded when computed). */
    void slotPath(int slot, String[] names) {
        Node items = loops.get(slot);
        if (items != null) at(items, names).whole = true;
    }

    void slotWhole(int slot) {
        Node items = loops.get(slot);
        if (items != null) items.whole = true;
    }

    private static Node at(Node from, String[] names) {
        Node n = from;
        for (String name : names) n = n.member(name);
        return n;
    }
}
