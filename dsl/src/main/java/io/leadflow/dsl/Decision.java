package io.leadflow.dsl;

import io.leadflow.spi.effect.Effect;
import java.util.List;
import java.util.Optional;

/**
 * What a lead becomes: the effects in order (an effect may refer to a record an earlier one
 * creates), the managers' rotation state after the decision, and the full trace.
 */
public record Decision(List<Effect> effects, ManagerState managers, Trace trace, Optional<String> dropReason) {
    public Decision {
        effects = List.copyOf(effects);
    }
}
