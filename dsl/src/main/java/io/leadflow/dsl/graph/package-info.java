/**
 * The rule graph of a flow: what happens to a lead, as nodes (receive, filter, normalise, find,
 * decide, map, effect) and edges, with the source position of each node; printed as DOT or Mermaid.
 */
package io.leadflow.dsl.graph;
