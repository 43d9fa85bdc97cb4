/**
 * The HTTP side every connector shares: {@link io.leadflow.connector.http.CrmHttp} sends a
 * {@link io.leadflow.connector.http.CrmRequest} through the account's bucket with a timeout and
 * maps failures onto the SPI's typed errors; each connector supplies only its error envelope
 * ({@link io.leadflow.connector.http.ResponseMapper}) and counts calls with
 * {@link io.leadflow.connector.http.CallCount}.
 */
package io.leadflow.connector.http;
