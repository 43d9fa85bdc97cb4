/**
 * What the shop targets of the reverse legs share (seed 001: KeyCRM → shop): reading an order
 * block as a status write, and the catalog model and policies of the KeyCRM product sync.
 */
package io.leadflow.connector.shop;
