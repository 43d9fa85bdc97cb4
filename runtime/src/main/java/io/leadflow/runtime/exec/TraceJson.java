package io.leadflow.runtime.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.Trace;

/** The decision trace as the JSON the registry shows ({@code {"steps":[{kind, detail, at, data}]}}). */
final class TraceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceJson() { }

    static String of(Trace trace) {
        if (trace == null) return null;
        try {
            return MAPPER.writeValueAsString(trace);
        } catch (JsonProcessingException e) {
            return "{\"steps\":[],\"error\":\"trace could not be written\"}";
        }
    }
}
