/**
 * Intake security: per-source bearer tokens and Standard Webhooks HMAC signatures (both compared
 * in constant time), the per-source request-rate bucket, and masking of phones, emails and
 * secrets before anything reaches a log line.
 */
package io.leadflow.runtime.security;
