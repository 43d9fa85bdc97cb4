package io.leadflow.spi;

import java.util.regex.Pattern;

/**
 * How a CRM addresses custom fields, and so which ids {@code deal_cf_<id>} may carry.
 * Baselinker extra fields and KeepinCRM {@code field_<id>} take numbers; RetailCRM takes
 * symbolic codes; KeyCRM takes uuids such as {@code OR_1037} (a bare number is read as the
 * uuid suffix).
 */
public enum CustomFieldStyle {
    NONE(Pattern.compile("(?!)")),
    NUMERIC_ID(Pattern.compile("[0-9]+")),
    SYMBOLIC_CODE(Pattern.compile("[A-Za-z][A-Za-z0-9_]*")),
    UUID(Pattern.compile("([A-Z]{2}_)?[0-9]+"));

    private final Pattern idPattern;

    CustomFieldStyle(Pattern idPattern) {
        this.idPattern = idPattern;
    }

    public boolean accepts(String id) {
        return idPattern.matcher(id).matches();
    }

    public String describe() {
        return switch (this) {
            case NONE -> "no custom fields";
            case NUMERIC_ID -> "numeric ids (deal_cf_1043)";
            case SYMBOLIC_CODE -> "symbolic codes (deal_cf_utm_keyword)";
            case UUID -> "uuids or their numeric suffix (deal_cf_OR_1037, deal_cf_1037)";
        };
    }
}
