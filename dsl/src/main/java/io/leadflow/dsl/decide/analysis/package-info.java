/**
 * Static analysis of a flow's {@code when} rules: each condition becomes a propositional formula
 * over atoms; atoms about found records ({@code contact}, {@code deal}, {@code deal.open}, …) get
 * their meaning from the possible CRM worlds, every other atom is a free boolean. That is enough
 * to prove a rule unreachable or a rule list incomplete, and nothing more is claimed.
 */
package io.leadflow.dsl.decide.analysis;
