/**
 * Decisions (L3, L4, L6, L10): {@code find}, {@code when} rules, manager assignment and the
 * effects a lead becomes. {@link io.leadflow.dsl.decide.DecisionsPhase} checks them and plugs a
 * {@link io.leadflow.dsl.decide.FlowDecisions} plan into every flow; the plan is a pure function
 * of (lead, found records, manager state, clock).
 */
package io.leadflow.dsl.decide;
