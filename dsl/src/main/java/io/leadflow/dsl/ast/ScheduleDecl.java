package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.time.Duration;
import java.util.Optional;

/** {@code schedule "prices" every 4h at "03:00" { sync_prices(from: "horoshop") }} (L11). */
public record ScheduleDecl(String name, Duration every, Optional<String> at, Expr job, SourceSpan span)
        implements TopDecl { }
