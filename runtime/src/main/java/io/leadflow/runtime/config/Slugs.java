package io.leadflow.runtime.config;

import java.util.Locale;

/** URL- and config-key-safe names: {@code "horoshop orders"} → {@code horoshop-orders}. */
public final class Slugs {
    private Slugs() { }

    public static String of(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** The environment-variable form: {@code horoshop-orders} → {@code HOROSHOP_ORDERS}. */
    public static String env(String name) {
        return of(name).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
