package io.leadflow.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One mapping workload written three ways: a Leadflow rule file, a JSLT expression and a
 * hand-written Java mapper over Jackson, with the lead it runs on. All three produce the same
 * document, {@code {"contact":{…},"deal":{…,"products":[…]},"task":{…}}} (the blocks the flow has),
 * checked by {@link Suite#check}.
 */
public record Workload(String name, String description, String flowFile, String flowSource, String leadJson, String jslt,
                       Function<JsonNode, JsonNode> hand) { }
