package io.leadflow.spi.source;

/** How the two sides prove who they are for one source kind. */
public enum SenderAuth {
    /** A pushed lead carries the source's intake token (bearer / {@code X-Leadflow-Token}) or a Standard Webhooks signature. */
    INTAKE_TOKEN,
    /** Leadflow signs in with a login and password and sends the returned token inside each JSON body (Horoshop). */
    LOGIN_PASSWORD_TOKEN,
    /** Leadflow sends an API key as a header ({@code X-API-KEY}, RetailCRM). */
    API_KEY_HEADER,
    /** Leadflow sends an API key as a query parameter ({@code clientApiId}, Calltouch). */
    API_KEY_QUERY
}
