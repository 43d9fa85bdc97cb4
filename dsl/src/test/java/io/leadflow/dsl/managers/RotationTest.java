package io.leadflow.dsl.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.ManagerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationTest {
    private final ManagerCollection sales = new ManagerCollection("sales", Strategy.ROTATE,
            List.of(new Member("101", 1), new Member("102", 1), new Member("103", 1)));

    @Test
    void firstLeads_goInListOrder() {
        ManagerState s = ManagerState.EMPTY;
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Pick p = Rotation.pick(sales, s, m -> false);
            order.append(p.manager().orElseThrow()).append(' ');
            s = p.state();
        }
        assertEquals("101 102 103 101 ", order.toString());
        assertEquals(Map.of("101", 2L, "102", 1L, "103", 1L), s.assigned().get("sales"));
    }

    @Test
    void lowestCount_winsAfterARestart() {
        ManagerState s = new ManagerState(Map.of("sales", Map.of("101", 5L, "102", 3L, "103", 4L)));
        assertEquals("102", Rotation.pick(sales, s, m -> false).manager().orElseThrow());
    }

    @Test
    void everyoneExcluded_picksNobodyAndKeepsTheState() {
        Pick p = Rotation.pick(sales, ManagerState.EMPTY, m -> true);
        assertTrue(p.manager().isEmpty());
        assertEquals(ManagerState.EMPTY, p.state());
        assertEquals(List.of("101", "102", "103"), p.excluded());
    }

    @Test
    void state_roundTripsThroughJson() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        ManagerState s = Rotation.pick(sales, new ManagerState(Map.of("sales", Map.of("101", 2L), "vip", Map.of("7", 1L))), m -> false).state();
        String text = json.writeValueAsString(s);
        assertEquals(s, json.readValue(text, ManagerState.class));
        assertEquals(s, io.leadflow.dsl.scenario.CrmState.managers(json.readTree(text).get("assigned")));
    }

    @Test
    void otherCollections_areLeftAlone() {
        ManagerState s = new ManagerState(Map.of("vip", Map.of("7", 9L)));
        Pick p = Rotation.pick(sales, s, m -> false);
        assertEquals(Map.of("7", 9L), p.state().assigned().get("vip"));
    }
}
