/**
 * Manager collections (L6): named lists of managers, how a lead picks one (round-robin or
 * weighted round-robin, minus the managers an {@code except when} condition excludes), and the
 * rotation state the engine takes in and gives back so the runtime can persist it.
 */
package io.leadflow.dsl.managers;
