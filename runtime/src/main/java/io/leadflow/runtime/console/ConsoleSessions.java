package io.leadflow.runtime.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's signed-in sessions, in memory (a restart signs everybody out). A session is a
 * random 256-bit id (the cookie) with its own random CSRF token; it ends after {@link #IDLE}
 * without a request, or on sign-out. At most {@link #MAX} live at once (the oldest goes first).
 */
public final class ConsoleSessions {
    public static final Duration IDLE = Duration.ofHours(8);
    static final int MAX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in browser. */
    public record Session(String id, String csrf, Instant lastSeen) { }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session (after the admin token was checked). */
    public Session open() {
        if (byId.size() >= MAX) {
            byId.values().stream().min(Comparator.comparing(Session::lastSeen)).ifPresent(s -> byId.remove(s.id()));
        }
        Session s = new Session(random(), random(), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this cookie value (its idle time restarts), or empty. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (s.lastSeen().plus(IDLE).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrf(), now);
        byId.replace(id, s, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) byId.remove(id);
    }

    /** Whether {@code presented} is this session's CSRF token (constant-time). */
    public static boolean csrfMatches(Session s, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
