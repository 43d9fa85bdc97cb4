/**
 * Reading a lead's raw body (JSON or a urlencoded form) into the JSON object a flow reads: shared
 * by the HTTP edge and the executor so a stored lead is decoded exactly as it was checked at intake.
 */
package io.leadflow.runtime.body;
