package io.leadflow.connector.mindbox.emulator;

/** What a configured operation does in the emulated project (an operation's system name is the project's own). */
enum Kind {
    CUSTOMER_REGISTER, CUSTOMER_GET, CUSTOMER_EDIT, CUSTOMER_CONFIRM_PHONE,
    ORDER_CALCULATE, ORDER_BEGIN, ORDER_COMMIT, ORDER_ROLLBACK, ORDER_ITEMS_STATUS;

    /** Whether it changes anything (its answer may be dropped by the {@code commitThenDrop} fault). */
    boolean writes() {
        return this != CUSTOMER_GET && this != ORDER_CALCULATE;
    }
}
