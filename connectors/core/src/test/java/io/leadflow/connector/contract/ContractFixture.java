package io.leadflow.connector.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.connector.source.WebhookDelivery;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a connector's contract test tells the kit about its system: the factory, how to spell valid
 * and invalid payloads in rule-file field names, and how to read a stored record back from the
 * emulator's {@code records} (its own JSON shape). The hooks of a capability the system does not
 * declare are never called: a source-only system leaves the CRM hooks alone, a CRM the pull and
 * webhook hooks (their defaults fail, naming what to override).
 */
public abstract class ContractFixture {

    protected abstract ConnectorFactory factory();

    protected ConnectorDescriptor descriptor() {
        return factory().descriptor();
    }

    /** Contact fields (rule names; the kit reads back {@code name} and {@code email}). */
    protected ObjectNode contactFields(String name, String phoneE164, String email) {
        throw missing("contactFields");
    }

    /** A minimal valid deal whose {@link #dealTextField()} is {@code text}. */
    protected ObjectNode dealFields(String text) {
        throw missing("dealFields");
    }

    /** The deal field (rule name) that carries the text given to {@link #dealFields}; updatable. */
    protected String dealTextField() {
        throw missing("dealTextField");
    }

    /** A deal the CRM refuses on validation. */
    protected ObjectNode invalidDeal() {
        throw missing("invalidDeal");
    }

    /** The field the CRM names when refusing {@link #invalidDeal()}, as reported in {@code PermanentException.field()}. */
    protected String invalidDealField() {
        throw missing("invalidDealField");
    }

    /** A custom-field id valid for deals in this CRM ({@code deal_cf_<id>}). */
    protected String dealCustomFieldId() {
        throw missing("dealCustomFieldId");
    }

    /** The flow marker field (L4) for this CRM's deals. */
    protected String markerField() {
        return "deal_cf_" + dealCustomFieldId();
    }

    /** Task fields whose {@link #taskTextField()} is {@code text}. */
    protected ObjectNode taskFields(String text) {
        return object().put(taskTextField(), text);
    }

    protected String taskTextField() {
        return "title";
    }

    /**
     * True when the system's deal write sets a state rather than making a record (a shop order's
     * status), or is an upsert keyed by the payload's own natural key (a Calltouch deal by order
     * number): writing it again is harmless, so reconcile under another idempotency key rightly
     * reports it done, and the kit does not require "another key made nothing".
     */
    protected boolean writesAreStates() {
        return false;
    }

    /** HTTP calls of a deal create once reference data is cached. */
    protected int callsPerCreatedDeal() {
        return 1;
    }

    /** The stored value (as text; null when absent) of a rule-file field of the record with this id. */
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        throw missing("stored");
    }

    /** How many records of a kind the emulator holds. */
    protected int storedCount(JsonObject records, EntityKind kind) {
        throw missing("storedCount");
    }

    // ---- PULL ---------------------------------------------------------------------------------

    /**
     * Stores {@code n} new records in the emulator that a pull must return, and answers their ids
     * in the order the pull must return them (oldest first). For a system declaring {@code PULL}.
     */
    protected List<String> seedPullable(int n) {
        throw missing("seedPullable");
    }

    /** The id of a pulled record, as {@link #seedPullable} answered it. */
    protected String pulledId(ObjectNode record) {
        throw missing("pulledId");
    }

    // ---- WEBHOOK ------------------------------------------------------------------------------

    /** A request as the system pushes it. For a system declaring {@code WEBHOOK}. */
    protected WebhookDelivery sampleDelivery() {
        throw missing("sampleDelivery");
    }

    /** The ids of the events {@link #sampleDelivery()} carries, in order. */
    protected List<String> sampleDeliveryIds() {
        throw missing("sampleDeliveryIds");
    }

    /** The id of one received event. */
    protected String eventId(ObjectNode event) {
        throw missing("eventId");
    }

    private UnsupportedOperationException missing(String hook) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " must override " + hook
                + "(): the connector declares the capability that needs it");
    }

    protected static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
