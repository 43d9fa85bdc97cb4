package io.leadflow.spi;

import java.util.Locale;
import java.util.Optional;

/** The CRM entities a rule file maps to. A deal is what each CRM calls it: order, agreement, card. */
public enum EntityKind {
    CONTACT("contact"), DEAL("deal"), TASK("task"), PRODUCT("products");

    private final String blockName;

    EntityKind(String blockName) {
        this.blockName = blockName;
    }

    /** The mapping block name in rule files ({@code contact { … }}, {@code products from … as item { … }}). */
    public String blockName() {
        return blockName;
    }

    /** The custom-field prefix in rule files: {@code deal_cf_}, {@code contact_cf_}. */
    public String customFieldPrefix() {
        return name().toLowerCase(Locale.ROOT) + "_cf_";
    }

    /** Accepts the block name and the usual synonyms ({@code order}, {@code agreement}, {@code card} for a deal). */
    public static Optional<EntityKind> fromBlockName(String name) {
        return switch (name) {
            case "contact", "customer", "buyer", "client" -> Optional.of(CONTACT);
            case "deal", "order", "agreement", "card" -> Optional.of(DEAL);
            case "task" -> Optional.of(TASK);
            case "products", "items" -> Optional.of(PRODUCT);
            default -> Optional.empty();
        };
    }
}
