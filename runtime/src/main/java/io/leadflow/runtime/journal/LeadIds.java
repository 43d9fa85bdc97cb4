package io.leadflow.runtime.journal;

import java.security.SecureRandom;
import java.util.UUID;

/** Lead ids: UUID version 7 (time-ordered, random), so ids sort roughly by arrival and cannot be guessed. */
public final class LeadIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LeadIds() { }

    public static String next() {
        long millis = System.currentTimeMillis();
        long hi = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long lo = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
