package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing to do in the CRM. Field payloads use the rule file's names ({@code title},
 * {@code deal_cf_1043}, {@code products}); the connector translates them to its API.
 */
public sealed interface Effect permits CreateContact, CreateDeal, UpdateContact, UpdateDeal, CreateTask, Skip {

    /** Short stable name used in traces, tests and the registry ({@code create contact}). */
    String describe();

    /** The mapped fields, or an empty object. */
    ObjectNode fields();
}
