package io.leadflow.connector.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.http.CrmJson;
import io.leadflow.spi.CustomFieldStyle;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Jackson forms of a request body's building blocks (issue 15, point 6) write the same JSON as
 * the Vert.x forms they replace: paths with objects and list slots, and schema-typed values.
 */
class JacksonBodiesTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final EntitySchema SCHEMA = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.NONE,
            FieldSpec.of("status_id", FieldType.INTEGER), FieldSpec.of("total", FieldType.NUMBER),
            FieldSpec.of("paid", FieldType.BOOLEAN), FieldSpec.of("title", FieldType.TEXT),
            FieldSpec.of("payload", FieldType.ANY));

    @Test
    void pathsBuildTheSameBodyInBothModels() throws Exception {
        List<Object[]> puts = List.of(
                new Object[] {"buyer.full_name", "Олена"}, new Object[] {"payments[0].amount", 12.5},
                new Object[] {"phone[1]", "+380671234567"}, new Object[] {"buyer.email", "o@example.com"},
                new Object[] {"payments[0].method", "cod"}, new Object[] {"manager_id", 101L},
                new Object[] {"flags[0]", null});
        JsonObject vertx = new JsonObject();
        ObjectNode jackson = CrmJson.object();
        for (Object[] p : puts) {
            ApiPaths.put(vertx, (String) p[0], p[1]);
            ApiPaths.put(jackson, (String) p[0], M.valueToTree(p[1]));
        }
        assertEquals(M.readTree(vertx.encode()).toString(), jackson.toString());
        assertEquals("Олена", ApiPaths.node(jackson, "buyer.full_name").textValue());
        assertEquals(12.5, ApiPaths.node(jackson, "payments[0].amount").doubleValue());
        assertEquals("+380671234567", ApiPaths.node(jackson, "phone[1]").textValue());
        assertNull(ApiPaths.node(jackson, "phone[7]"));
        assertNull(ApiPaths.node(jackson, "buyer.full_name.first"));
        assertNull(ApiPaths.node(jackson, "nobody.here"));
    }

    @Test
    void valuesAreTypedByTheSchemaAsTheyWereBefore() throws Exception {
        String[][] cases = {
                {"status_id", "\"8011\""}, {"status_id", "8011"}, {"total", "\"12,50\""}, {"total", "3"},
                {"paid", "\"yes\""}, {"paid", "0"}, {"paid", "true"}, {"title", "42"}, {"title", "\"  x \""},
                {"payload", "{\"a\":[1,2.5,\"b\"]}"}, {"payload", "7"}, {"payload", "\"t\""}};
        for (String[] c : cases) {
            JsonNode in = M.readTree(c[1]);
            JsonNode before = M.readTree(new JsonObject().put("v", FieldValues.coerce(SCHEMA, c[0], in)).encode()).get("v");
            JsonNode after = FieldValues.node(SCHEMA, c[0], in);
            assertEquals(before.toString(), after.toString(), c[0] + " = " + c[1]);   // the bytes the CRM receives
        }
    }

    @Test
    void anUnknownOrUnreadableFieldIsRefusedBeforeAnyCall() throws Exception {
        assertThrows(PermanentException.class, () -> FieldValues.node(SCHEMA, "nope", M.readTree("1")));
        assertThrows(PermanentException.class, () -> FieldValues.node(SCHEMA, "status_id", M.readTree("\"many\"")));
    }
}
