/** {@code leadflow explain}: one lead through one flow against a given CRM state, as a readable or JSON decision trace. */
package io.leadflow.dsl.explain;
