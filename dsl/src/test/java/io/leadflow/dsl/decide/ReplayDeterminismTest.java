package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.StatusGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * T11 (RELIABILITY.md §7), replay determinism: 1,000 leads (×{@code leadflow.soak}) with random
 * CRM findings, decided in sequence (the manager rotation carries over) by the rules as compiled
 * once, then again by the same rule text compiled afresh, as an ORIGINAL replay recompiles a
 * pinned version from the journal: effects, traces and rotation state are byte-identical.
 */
class ReplayDeterminismTest {
    static final int LEADS = 1_000 * Integer.getInteger("leadflow.soak", 1);

    record Input(ObjectNode lead, Found found) { }

    static List<Input> inputs() throws Exception {
        Random r = new Random(18);
        List<Input> out = new ArrayList<>();
        String[] phones = {"067 123 45 67", "+380501112233", "0931234567", "12", "", "380 (44) 555-66-77"};
        for (int i = 0; i < LEADS; i++) {
            String email = r.nextInt(4) == 0 ? "null" : "\" U" + r.nextInt(50) + "@Example.COM \"";
            ObjectNode lead = DecideTest.lead("{\"id\":" + i + ",\"phone\":\"" + phones[r.nextInt(phones.length)] + "\",\"name\":\"Лід " + i
                    + "\",\"email\":" + email + "}");
            Found found = switch (r.nextInt(3)) {
                case 0 -> Found.NOTHING;
                case 1 -> new Found(Optional.of(DecideTest.contact("c" + i, String.valueOf(101 + r.nextInt(3)))), List.of());
                default -> new Found(Optional.of(DecideTest.contact("c" + i, "102")),
                        List.of(DecideTest.deal("d" + i, r.nextBoolean() ? StatusGroup.OPEN : StatusGroup.COMPLETED, false,
                                DecideTest.JSON.createObjectNode())));
            };
            out.add(new Input(lead, found));
        }
        return out;
    }

    static List<String> decideAll(Flow flow, List<Input> inputs) {
        List<String> out = new ArrayList<>();
        ManagerState managers = ManagerState.EMPTY;
        for (Input in : inputs) {
            Evaluation ev = flow.evaluate(in.lead(), DecideTest.MONDAY);
            if (ev.dropReason().isPresent()) {
                out.add("drop " + ev.dropReason().get() + " " + ev.trace());
                continue;
            }
            Decision d = flow.decide(ev, in.found(), managers, DecideTest.MONDAY);
            managers = d.managers();
            out.add(d.effects() + " | " + d.trace() + " | " + d.managers());
        }
        return out;
    }

    @Test
    void recompiledPinnedRules_decideEveryLeadByteIdentically() throws Exception {
        List<Input> inputs = inputs();
        List<String> first = decideAll(DecideTest.flow(DecideTest.LEADBOX), inputs);
        List<String> replay = decideAll(DecideTest.flow(DecideTest.LEADBOX), inputs);
        assertEquals(LEADS, first.size());
        long distinct = first.stream().distinct().count();
        System.out.println("T11: " + LEADS + " leads replayed on a fresh compile: " + distinct + " distinct decisions, 0 differences");
        for (int i = 0; i < LEADS; i++) assertEquals(first.get(i), replay.get(i), "lead " + i);
        assertEquals(true, distinct > LEADS / 2, "the inputs exercise the rules (" + distinct + " distinct decisions)");
    }
}
