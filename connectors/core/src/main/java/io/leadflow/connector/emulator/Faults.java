package io.leadflow.connector.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The emulator's fault switch, set through {@code POST /__emulator/faults} or from Java. Each
 * key of the JSON is optional and replaces only its own setting:
 * <pre>
 * {"failNext": N, "status": 503, "retryAfter": 10}   next N CRM calls answer this status (+ Retry-After seconds)
 * {"downForSeconds": T, "status": 503, "retryAfter": 5}  every CRM call answers the status for T seconds
 * {"delayMs": D}                                    every CRM call is answered D ms late
 * {"commitThenDrop": N}                             the next N writes are performed, then the connection
 *                                                   is closed without an answer (in-doubt tests)
 * {"overLimitNext": N, "retryAfter": 2}             next N CRM calls get the CRM's own over-limit answer
 * {"halfSendNext": N, "stall": false}               the next N writes are performed, then the answer's head
 *                                                   (with the whole Content-Length) and half its body are
 *                                                   sent and the connection is closed; with "stall": true
 *                                                   nothing more is sent and the connection is left open
 * {"bytesPerSecond": B}                             every answer sent through EmulatorServer's reply
 *                                                   helpers goes at about B bytes a second (B / 10 bytes
 *                                                   every 100 ms); 0 turns it off
 * </pre>
 * Thread-safe: tests set it from their own thread while the server reads it on its event loop.
 */
public final class Faults {
    private int failNext;
    private int failStatus = 503;
    private Duration failRetryAfter;
    private long downUntilNanos = Long.MIN_VALUE;
    private long delayMs;
    private int commitThenDrop;
    private int overLimitNext;
    private Duration overLimitRetryAfter;
    private int halfSendNext;
    private boolean halfSendStalls;
    private int bytesPerSecond;

    /** How a performed write's answer is cut short ({@link #takeHalfSend}). */
    public enum HalfSend { DROP, STALL }

    /** What the gate must do with one CRM call. */
    public record Failure(int status, Duration retryAfter) { }

    /** Applies a JSON fault request; throws {@link IllegalArgumentException} on a bad value. */
    public synchronized void apply(JsonObject json) {
        int status = nonNegative(json, "status", failStatus);
        if (status < 100 || status > 599) throw new IllegalArgumentException("status must be an HTTP status, got " + status);
        Duration retryAfter = json.containsKey("retryAfter") ? Duration.ofSeconds(nonNegative(json, "retryAfter", 0)) : null;
        if (json.containsKey("failNext")) {
            failNext = nonNegative(json, "failNext", 0);
            failStatus = status;
            failRetryAfter = retryAfter;
        }
        if (json.containsKey("downForSeconds")) {
            downUntilNanos = System.nanoTime() + Duration.ofSeconds(nonNegative(json, "downForSeconds", 0)).toNanos();
            failStatus = status;
            failRetryAfter = retryAfter;
        }
        if (json.containsKey("delayMs")) delayMs = nonNegative(json, "delayMs", 0);
        if (json.containsKey("commitThenDrop")) commitThenDrop = nonNegative(json, "commitThenDrop", 0);
        if (json.containsKey("halfSendNext")) {
            halfSendNext = nonNegative(json, "halfSendNext", 0);
            Object stall = json.getValue("stall");
            if (stall != null && !(stall instanceof Boolean)) throw new IllegalArgumentException("\"stall\" must be true or false");
            halfSendStalls = Boolean.TRUE.equals(stall);
        }
        if (json.containsKey("bytesPerSecond")) bytesPerSecond = nonNegative(json, "bytesPerSecond", 0);
        if (json.containsKey("overLimitNext")) {
            overLimitNext = nonNegative(json, "overLimitNext", 0);
            overLimitRetryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        }
    }

    public synchronized void reset() {
        failNext = 0;
        failStatus = 503;
        failRetryAfter = null;
        downUntilNanos = Long.MIN_VALUE;
        delayMs = 0;
        commitThenDrop = 0;
        overLimitNext = 0;
        overLimitRetryAfter = null;
        halfSendNext = 0;
        halfSendStalls = false;
        bytesPerSecond = 0;
    }

    /** The failure this call must get (and counts it down), or null. */
    public synchronized Failure takeFailure() {
        if (System.nanoTime() < downUntilNanos) return new Failure(failStatus, failRetryAfter);
        if (failNext > 0) {
            failNext--;
            return new Failure(failStatus, failRetryAfter);
        }
        return null;
    }

    /** The Retry-After of a forced over-limit answer for this call (and counts it down), or null. */
    public synchronized Duration takeOverLimit() {
        if (overLimitNext <= 0) return null;
        overLimitNext--;
        return overLimitRetryAfter;
    }

    public synchronized boolean takeCommitThenDrop() {
        if (commitThenDrop <= 0) return false;
        commitThenDrop--;
        return true;
    }

    /** How this performed write's answer is cut short (and counts it down), or null for a whole answer. */
    public synchronized HalfSend takeHalfSend() {
        if (halfSendNext <= 0) return null;
        halfSendNext--;
        return halfSendStalls ? HalfSend.STALL : HalfSend.DROP;
    }

    /** The answers' bandwidth in bytes a second; 0 for no limit. */
    public synchronized int bytesPerSecond() {
        return bytesPerSecond;
    }

    public synchronized long delayMs() {
        return delayMs;
    }

    public synchronized JsonObject toJson() {
        long downFor = downForSeconds();
        return new JsonObject().put("failNext", failNext).put("status", failStatus)
                .put("retryAfter", failRetryAfter == null ? null : failRetryAfter.toSeconds())
                .put("downForSeconds", downFor).put("delayMs", delayMs)
                .put("commitThenDrop", commitThenDrop).put("overLimitNext", overLimitNext)
                .put("halfSendNext", halfSendNext).put("stall", halfSendStalls).put("bytesPerSecond", bytesPerSecond);
    }

    /** Whole seconds the emulator stays down, rounded up; 0 when no outage is set or it is over. */
    private long downForSeconds() {
        if (downUntilNanos == Long.MIN_VALUE) return 0; // never set: the subtraction below would overflow
        long left = downUntilNanos - System.nanoTime();
        return left <= 0 ? 0 : (left + 999_999_999L) / 1_000_000_000L;
    }

    private static int nonNegative(JsonObject json, String key, int fallback) {
        Object v = json.getValue(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n) || n.intValue() < 0) {
            throw new IllegalArgumentException("\"" + key + "\" must be a non-negative number");
        }
        return n.intValue();
    }
}
