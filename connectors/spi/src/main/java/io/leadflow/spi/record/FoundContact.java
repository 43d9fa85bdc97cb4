package io.leadflow.spi.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A contact found in the CRM; {@code fields} uses the rule-file names of the contact schema. */
public record FoundContact(String id, Instant createdAt, String manager, ObjectNode fields) { }
