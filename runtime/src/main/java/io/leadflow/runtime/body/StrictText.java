package io.leadflow.runtime.body;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for text that reaches the runtime from outside (bodies, percent-decoded form
 * fields, request paths): strict UTF-8, so no overlong or surrogate sequences, no byte-order mark
 * (so no UTF-16/32 either), and no control character but tab, CR and LF. What passes is stored
 * and shown exactly as it was decoded, so the registry shows what was delivered.
 */
public final class StrictText {
    private StrictText() { }

    /** The text, or a {@link BodyRefusal} (400 {@code bad_encoding}) saying what broke the rule in {@code what}. */
    public static String decode(byte[] bytes, String what) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF))) {
            throw refusal(what + " starts with a byte-order mark; send UTF-8 without one");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refusal(what + " is not valid UTF-8 (overlong, truncated or UTF-16/32 bytes)");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw refusal(what + " holds a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return s;
    }

    /** Percent-decodes (and, for forms, turns '+' into a space), then applies {@link #decode}. */
    public static String percentDecode(String raw, boolean plusIsSpace, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw refusal(what + " has a '%' that is not followed by two hex digits");
                }
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return decode(out.toByteArray(), what);
    }

    private static BodyRefusal refusal(String message) {
        return new BodyRefusal(400, "bad_encoding", message);
    }
}
