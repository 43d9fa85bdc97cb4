package io.leadflow.runtime.journal.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** Headers to and from the JSON text the journal stores. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> HEADERS = new TypeReference<>() { };

    private Json() { }

    static String headers(Map<String, String> headers) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers cannot be stored: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> headers(String json) {
        try {
            return MAPPER.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
