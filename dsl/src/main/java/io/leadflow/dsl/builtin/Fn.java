package io.leadflow.dsl.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Env;

/** A builtin ready to run: arguments already evaluated, missing ones null. */
@FunctionalInterface
public interface Fn {
    JsonNode apply(JsonNode[] args, Env env);
}
