package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Orders leads of one person: the valid normalised phone, else the lower-cased email (the
 * contact block's {@code email}, else {@code lead.email}), else the lead id, else a hash of the lead.
 * The phone and the email are also what {@code find} looks the contact up by ({@link #phone}, {@link #email}).
 */
public record ContactKey(int phoneSlot, Eval email) {

    public String of(Env env) {
        String phone = phone(env);
        if (phone != null) return "phone:" + phone;
        String e = email(env);
        if (e != null && !e.isBlank()) return "email:" + e.strip().toLowerCase(Locale.ROOT);
        for (String id : new String[] {"id", "order_id", "lead_id"}) {
            JsonNode v = Values.norm(env.lead().get(id));
            if (v != null) return "id:" + Values.asText(v);
        }
        return "lead:" + sha256(env.lead().toString()).substring(0, 16);
    }

    /** The valid normalised phone, or null (no {@code phone} statement, or the number is invalid). */
    public String phone(Env env) {
        return phoneSlot >= 0 && env.slot(phoneSlot) instanceof PhoneValue p && p.valid() ? p.textValue() : null;
    }

    /** The contact block's {@code email}, else {@code lead.email}, as given (not trimmed or lower-cased); null when neither is there. */
    public String email(Env env) {
        JsonNode e = email == null ? null : email.eval(env);
        if (e == null) e = Values.norm(env.lead().get("email"));
        return e == null ? null : Values.asText(e);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
