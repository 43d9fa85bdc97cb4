package io.leadflow.connector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrmJsonTest {
    private static CrmResponse answer(String body) {
        return new CrmResponse(200, MultiMap.caseInsensitiveMultiMap(), body == null ? null : Buffer.buffer(body));
    }

    @Test
    void anAnswerIsOneJsonValue_emptyTruncatedOrTrailingIsNone() {
        assertEquals(7, answer("{\"id\":7}").object().get("id").intValue());
        assertEquals(2, answer("[1,2]").array().size());
        assertNull(answer(null).tree());
        assertNull(answer("").tree());
        assertNull(answer("{\"id\":").tree(), "a body cut mid-answer is not JSON");
        assertNull(answer("{\"id\":1}{\"id\":2}").tree(), "trailing tokens are not one value");
        assertNull(answer("[1]").object(), "an array is not an object");
        assertNull(answer("{}").array(), "an object is not an array");
    }

    @Test
    void aRequestBodyIsTheTreesUtf8Bytes_withJsonHeaders() {
        var body = CrmJson.object().put("name", "Олена").put("n", 3);
        body.set("tags", CrmJson.array().add("a"));
        CrmRequest r = CrmRequest.json(HttpMethod.POST, "/x", body, true);
        assertEquals("{\"name\":\"Олена\",\"n\":3,\"tags\":[\"a\"]}", new String(r.body().getBytes(), StandardCharsets.UTF_8));
        assertEquals("application/json", r.headers().get("content-type"));
        assertTrue(r.mutating());
    }
}
