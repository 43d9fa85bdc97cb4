/**
 * What one CRM account itself defines (its custom fields, and where cheap its status and source
 * ids), read at start-up when credentials are given, and the pure check of a program's
 * {@code deal_cf_<id>} / {@code contact_cf_<id>} names against it ({@link io.leadflow.spi.account.AccountSchemaCheck}).
 * The connector descriptor says what a CRM can hold; this says what one account does hold.
 */
package io.leadflow.spi.account;
