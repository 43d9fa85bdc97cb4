package io.leadflow.spi.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.EntityKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An account description file ({@code accounts.json}): what each CRM account a folder's flows write
 * to defines, as its API reports it ({@link AccountSchema}: custom fields per entity, known
 * reference ids). Each example ships the one its sandbox emulators serve, so
 * {@code leadflow check} / {@code leadflow test} can judge a rule file against the account before
 * any lead is sent. The format:
 *
 * <pre>{@code
 * {"accounts": [{"connector": "retailcrm", "account": "main",
 *   "custom_fields": [{"entity": "deal", "id": "ct_site_id", "label": "Calltouch site", "type": "string",
 *                      "aliases": [], "required": false}],
 *   "reference_ids": {"status_id": ["1", "2"]}}]}
 * }</pre>
 */
public final class AccountDescriptions {
    /** The file an example folder ships, read by {@code check} and {@code test} when the folder is given. */
    public static final String FILE_NAME = "accounts.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AccountDescriptions() { }

    /**
     * Reads a description.
     *
     * @throws IllegalArgumentException naming {@code origin} and what is wrong, for a file that is not one
     */
    public static List<AccountSchema> read(String text, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.path("accounts").isArray()) {
            throw new IllegalArgumentException(origin + ": an account description is {\"accounts\": [{\"connector\", \"account\", \"custom_fields\", \"reference_ids\"}, …]}");
        }
        List<AccountSchema> out = new ArrayList<>();
        int n = 0;
        for (JsonNode a : root.path("accounts")) {
            String at = origin + ": accounts[" + n++ + "]";
            String connector = text(a, "connector", at);
            String account = text(a, "account", at);
            List<AccountField> fields = new ArrayList<>();
            int i = 0;
            for (JsonNode f : a.path("custom_fields")) {
                String fat = at + ".custom_fields[" + i++ + "]";
                String entity = text(f, "entity", fat);
                EntityKind kind = EntityKind.fromBlockName(entity.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                        new IllegalArgumentException(fat + ": entity '" + entity + "' is not contact, deal, task or products"));
                Set<String> aliases = new LinkedHashSet<>();
                f.path("aliases").forEach(x -> aliases.add(x.asText()));
                AccountField field = new AccountField(kind, text(f, "id", fat), f.path("label").asText(""), f.path("type").asText(""), aliases);
                fields.add(f.path("required").asBoolean(false) ? field.asRequired() : field);
            }
            Map<String, Set<String>> ids = new TreeMap<>();
            a.path("reference_ids").fields().forEachRemaining(e -> {
                Set<String> values = new TreeSet<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                ids.put(e.getKey(), values);
            });
            out.add(new AccountSchema(connector, account, fields, ids));
        }
        return out;
    }

    /** The description of these accounts, in a stable form (accounts, fields and ids sorted), ending with a newline. */
    public static String write(List<AccountSchema> accounts) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("accounts");
        accounts.stream().sorted(java.util.Comparator.comparing(AccountSchema::connector).thenComparing(AccountSchema::account)).forEach(s -> {
            ObjectNode a = list.addObject().put("connector", s.connector()).put("account", s.account());
            ArrayNode fields = a.putArray("custom_fields");
            s.customFields().stream().sorted(java.util.Comparator.comparing((AccountField f) -> f.entity()).thenComparing(AccountField::id))
                    .forEach(f -> {
                        ObjectNode o = fields.addObject().put("entity", f.entity().blockName()).put("id", f.id())
                                .put("label", f.label()).put("type", f.type());
                        ArrayNode al = o.putArray("aliases");
                        new TreeSet<>(f.aliases()).forEach(al::add);
                        o.put("required", f.required());
                    });
            ObjectNode ids = a.putObject("reference_ids");
            new TreeMap<>(s.referenceIds()).forEach((k, v) -> {
                ArrayNode vs = ids.putArray(k);
                new TreeSet<>(v).forEach(vs::add);
            });
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException(at + ": '" + field + "' (text) is missing");
        return v.asText();
    }
}
