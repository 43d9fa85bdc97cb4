package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.Optional;

/**
 * {@code phone lead.delivery_phone as UA digits 9 mobile} (L5): the phone to normalise, the
 * default region, the expected count of national digits, and whether only mobiles count.
 */
public record PhoneStmt(Expr source, Optional<String> region, Optional<Integer> digits, boolean mobileOnly,
                        SourceSpan span) implements FlowStmt { }
