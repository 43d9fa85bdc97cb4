package io.leadflow.dsl.exec;

import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Trace;
import io.leadflow.dsl.eval.Env;
import io.leadflow.spi.record.LookupRequest;
import java.util.Optional;

/** A lead after its flow's filters: keeps the per-lead values (phone, lets) for the decision. */
public record LeadEvaluation(FlowProgram flow, Env env, Optional<String> dropReason, Optional<LookupRequest> lookup,
                             String contactKey, Trace trace) implements Evaluation { }
