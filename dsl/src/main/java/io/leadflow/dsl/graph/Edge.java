package io.leadflow.dsl.graph;

/** From one node to the next; the label says when ({@code dropped}, {@code else}), empty when always. */
public record Edge(String from, String to, String label) { }
