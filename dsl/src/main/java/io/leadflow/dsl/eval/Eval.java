package io.leadflow.dsl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled expression. Built once when the program compiles, then run for every lead;
 * implementations hold no mutable state. A missing value is Java {@code null} (never
 * {@code NullNode}), so callers test one thing.
 */
@FunctionalInterface
public interface Eval {
    JsonNode eval(Env env);
}
