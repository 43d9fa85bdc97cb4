/**
 * Runtime settings with embedded defaults (so {@code serve} works with zero setup) and the
 * secrets that never live in rule files: source tokens and webhook secrets, the admin token and
 * CRM credentials, read from environment variables or a secrets file.
 */
package io.leadflow.runtime.config;
