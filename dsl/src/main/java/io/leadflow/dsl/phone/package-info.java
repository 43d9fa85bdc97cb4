/**
 * Phone standardisation (L5): one profile per flow (country, expected national digit count,
 * mobile only), libphonenumber underneath, E.164 out; a number that fails is kept visible to rules.
 */
package io.leadflow.dsl.phone;
