package io.leadflow.connector.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonObject;

/**
 * What a connector's contract test tells the kit about its CRM: the factory, how to spell valid
 * and invalid payloads in rule-file field names, and how to read a stored record back from the
 * emulator's {@code records} (its own JSON shape).
 */
public abstract class ContractFixture {

    protected abstract ConnectorFactory factory();

    protected ConnectorDescriptor descriptor() {
        return factory().descriptor();
    }

    /** Contact fields (rule names; the kit reads back {@code name} and {@code email}). */
    protected abstract ObjectNode contactFields(String name, String phoneE164, String email);

    /** A minimal valid deal whose {@link #dealTextField()} is {@code text}. */
    protected abstract ObjectNode dealFields(String text);

    /** The deal field (rule name) that carries the text given to {@link #dealFields}; updatable. */
    protected abstract String dealTextField();

    /** A deal the CRM refuses on validation. */
    protected abstract ObjectNode invalidDeal();

    /** The field the CRM names when refusing {@link #invalidDeal()}, as reported in {@code PermanentException.field()}. */
    protected abstract String invalidDealField();

    /** A custom-field id valid for deals in this CRM ({@code deal_cf_<id>}). */
    protected abstract String dealCustomFieldId();

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

    /** HTTP calls of a deal create once reference data is cached. */
    protected int callsPerCreatedDeal() {
        return 1;
    }

    /** The stored value (as text; null when absent) of a rule-file field of the record with this id. */
    protected abstract String stored(JsonObject records, EntityKind kind, String id, String ruleField);

    /** How many records of a kind the emulator holds. */
    protected abstract int storedCount(JsonObject records, EntityKind kind);

    protected static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
