package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What an update sends (L3 "update all / only empty fields"): every mapped field under
 * {@code update all}; under {@code update empty}, and for fields written {@code if empty},
 * only the fields that are empty on the found record (missing, null, blank text, empty list).
 */
public final class UpdateFilter {
    private UpdateFilter() { }

    /**
     * @param mapped       the block's mapped fields (nulls already left out)
     * @param existing     the found record's fields (may be null: nothing is known, everything is empty)
     * @param onlyEmpty    the block's effective mode is {@code update empty}
     * @param ifEmptyNames the fields written {@code if empty}
     */
    public static ObjectNode apply(ObjectNode mapped, JsonNode existing, boolean onlyEmpty, Set<String> ifEmptyNames) {
        if (!onlyEmpty && ifEmptyNames.isEmpty()) return mapped;
        ObjectNode out = mapped.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = mapped.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean guarded = onlyEmpty || ifEmptyNames.contains(e.getKey());
            if (!guarded || empty(existing == null ? null : existing.get(e.getKey()))) out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    public static boolean empty(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return true;
        if (v.isTextual()) return v.textValue().isBlank();
        if (v.isContainerNode()) return v.isEmpty();
        return false;
    }
}
