package io.leadflow.runtime.security;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The last guard before a log line is written: masks PII patterns and every configured secret
 * (tokens, HMAC secrets, CRM keys), whatever code produced the message.
 */
public final class LogMasker extends Formatter {
    private final Formatter inner;
    private final Supplier<Set<String>> secrets;

    public LogMasker(Formatter inner, Supplier<Set<String>> secrets) {
        this.inner = inner;
        this.secrets = secrets;
    }

    @Override
    public String format(LogRecord record) {
        return mask(inner.format(record));
    }

    /** Masks one line of text: known secrets first (exact values), then PII patterns. */
    public String mask(String line) {
        String out = line;
        for (String s : secrets.get()) {
            if (s.length() >= 8 && out.contains(s)) out = out.replace(s, "[secret]");
        }
        return Masking.text(out);
    }

    /** Puts a masker around the formatter of every handler of the root logger. */
    public static void install(Supplier<Set<String>> secrets) {
        Logger root = Logger.getLogger("");
        for (Handler h : List.of(root.getHandlers())) {
            Formatter f = h.getFormatter() == null ? new SimpleFormatter() : h.getFormatter();
            if (!(f instanceof LogMasker)) h.setFormatter(new LogMasker(f, secrets));
        }
    }
}
