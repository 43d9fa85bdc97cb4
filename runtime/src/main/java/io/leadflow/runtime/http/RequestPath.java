package io.leadflow.runtime.http;

import io.leadflow.runtime.body.BodyRefusal;
import io.leadflow.runtime.body.StrictText;

/**
 * The rule for a request path, checked before routing: the body's text rule ({@link StrictText}:
 * well-formed {@code %} escapes, strict UTF-8 once decoded, no control character) and no tab, CR
 * or LF either. A path breaking it is a 400, never a router stack trace.
 */
final class RequestPath {
    private RequestPath() { }

    /** Why the raw (still encoded) path is refused, or null when it is fine. */
    static String problem(String raw) {
        if (raw == null) return "the request has no path";
        String decoded;
        try {
            decoded = StrictText.percentDecode(raw, false, "the path");
        } catch (BodyRefusal e) {
            return e.getMessage();
        }
        return decoded.chars().anyMatch(c -> c == '\t' || c == '\r' || c == '\n') ? "the path holds a control character" : null;
    }

    /** The path as a log or message may show it: at most 80 characters, anything outside printable ASCII escaped. */
    static String forLog(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length() && b.length() < 80; i++) {
            char c = raw.charAt(i);
            if (c >= 0x20 && c < 0x7f) b.append(c);
            else b.append(String.format("\\u%04x", (int) c));
        }
        return raw.length() > 80 ? b + "…(" + raw.length() + " chars)" : b.toString();
    }
}
