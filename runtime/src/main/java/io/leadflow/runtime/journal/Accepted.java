package io.leadflow.runtime.journal;

/**
 * The answer to an append.
 *
 * @param leadId    the stored lead's id (the one already stored when {@code duplicate})
 * @param duplicate true when the lead had been recorded before and nothing new was stored
 */
public record Accepted(String leadId, boolean duplicate) { }
