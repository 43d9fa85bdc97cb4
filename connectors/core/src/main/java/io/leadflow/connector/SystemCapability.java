package io.leadflow.connector;

import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a system (CRM, shop, call tracker) can do for Leadflow, declared once by its connector
 * ({@link CrmConnector#capabilities()}). An entry point whose capability is not declared is
 * refused with a {@link io.leadflow.spi.error.PermanentException} before any call, never skipped;
 * the contract kit checks every declared one against the system's emulator and that the others
 * are refused.
 */
public enum SystemCapability {
    /** Its records are read in order from a durable cursor ({@link CrmConnector#pull}). */
    PULL,
    /** It pushes events to Leadflow, read by {@link CrmConnector#receive}. */
    WEBHOOK,
    /** Contacts and their deals can be looked up ({@link CrmConnector#find}). */
    LOOKUP,
    /** Effects can be made ({@link CrmConnector#apply}, {@link CrmConnector#reconcile}). */
    EFFECTS;

    private static final Set<Capability> FINDS = EnumSet.of(Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL,
            Capability.FIND_DEALS);
    private static final Set<Capability> WRITES = EnumSet.of(Capability.CREATE_CONTACT, Capability.UPDATE_CONTACT,
            Capability.CREATE_DEAL, Capability.UPDATE_DEAL, Capability.CREATE_TASK);

    /**
     * What the compiler-facing descriptor implies: {@link #LOOKUP} when it can find anything,
     * {@link #EFFECTS} when it can write anything. A connector's declared set must agree on these
     * two ({@link #checkAgainst}); {@link #PULL} and {@link #WEBHOOK} are declared on top.
     */
    public static Set<SystemCapability> impliedBy(ConnectorDescriptor descriptor) {
        Set<SystemCapability> out = EnumSet.noneOf(SystemCapability.class);
        if (descriptor.capabilities().stream().anyMatch(FINDS::contains)) out.add(LOOKUP);
        if (descriptor.capabilities().stream().anyMatch(WRITES::contains)) out.add(EFFECTS);
        return Collections.unmodifiableSet(out);
    }

    /** Fails when {@code declared} disagrees with the descriptor on {@link #LOOKUP} or {@link #EFFECTS}. */
    public static Set<SystemCapability> checkAgainst(ConnectorDescriptor descriptor, Set<SystemCapability> declared) {
        Set<SystemCapability> implied = impliedBy(descriptor);
        for (SystemCapability c : Set.of(LOOKUP, EFFECTS)) {
            if (implied.contains(c) != declared.contains(c)) {
                throw new IllegalArgumentException(descriptor.displayName() + " declares " + declared
                        + " but its descriptor's capabilities " + descriptor.capabilities() + " imply " + implied);
            }
        }
        return declared.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(declared));
    }

    /** The words of a refusal: "cannot be pulled", "does not push webhooks"… */
    public String refusal() {
        return switch (this) {
            case PULL -> "cannot be pulled";
            case WEBHOOK -> "does not push webhooks";
            case LOOKUP -> "cannot look records up";
            case EFFECTS -> "cannot take effects";
        };
    }
}
