package io.leadflow.connector;

/**
 * The outcome of one applied effect.
 *
 * @param crmId    the id of the record created or changed (null for a skip)
 * @param httpCalls how many HTTP requests it took (measured for the calls-per-lead figure)
 */
public record EffectResult(String crmId, int httpCalls) { }
