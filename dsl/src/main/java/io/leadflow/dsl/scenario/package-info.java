/**
 * One lead run against an in-memory CRM state: what {@code leadflow test} and
 * {@code leadflow explain} share. Not API (the module does not export it).
 */
package io.leadflow.dsl.scenario;
