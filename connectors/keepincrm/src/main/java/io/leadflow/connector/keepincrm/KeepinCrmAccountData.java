package io.leadflow.connector.keepincrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The account's agreement custom fields and stage ids, cached, for the start-up check.
 *
 * <p><b>Assumption [U]:</b> the reference documents no route for custom field definitions. This
 * reads {@code GET /v1/custom_fields} as a list ({@code {"items": […], "pagination": …}} like the
 * other lists [P]) of {@code {id, name: "field_<id>", title, field_type, model}}; items whose
 * {@code model} is present and not an agreement are skipped. If the real API has no such route,
 * the call fails (a 404 is a permanent error) and the runtime reports the check as not done.
 * Client custom fields use display names [P] and Leadflow does not map them, so none are listed.
 */
final class KeepinCrmAccountData {
    static final String ROUTE = "/custom_fields";
    private final RefCache<String, JsonArray> fields;
    private final KeepinCrmStages stages;

    KeepinCrmAccountData(KeepinCrmApi api, KeepinCrmStages stages) {
        this.fields = RefCache.of(k -> api.list(ROUTE, new CallCount()));
        this.stages = stages;
    }

    Future<AccountSchema> schema(String account) {
        return fields.get("all").compose(items -> stages.groups(new CallCount()).map(groups ->
                new AccountSchema(KeepinCrmSchema.DESCRIPTOR.name(), account, agreementFields(items),
                        Map.of("stage_id", groups.keySet()))));
    }

    private static List<AccountField> agreementFields(JsonArray items) {
        List<AccountField> out = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof JsonObject f)) continue;
            String model = f.getString("model");
            if (model != null && !model.equalsIgnoreCase("agreement")) continue;
            String id = f.getValue("id") != null ? String.valueOf(f.getValue("id"))
                    : String.valueOf(f.getString("name", "")).replaceFirst("^field_", "");
            if (id.isEmpty()) continue;
            out.add(new AccountField(EntityKind.DEAL, id, f.getString("title", f.getString("name")), f.getString("field_type")));
        }
        return out;
    }
}
