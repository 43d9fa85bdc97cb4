package io.leadflow.spi;

/** What a connector can do; the compiler refuses rules that need a capability the target lacks. */
public enum Capability {
    FIND_CONTACT_BY_PHONE,
    FIND_CONTACT_BY_EMAIL,
    /** Deals (orders) of a found contact, with status and status group. */
    FIND_DEALS,
    CREATE_CONTACT,
    UPDATE_CONTACT,
    CREATE_DEAL,
    UPDATE_DEAL,
    CREATE_TASK,
    /** Deals carry a status group (open / completed / cancelled). */
    STATUS_GROUPS,
    /** A deal can carry a marker field saying this integration already updated it (L4). */
    MARKER,
    PIPELINES
}
