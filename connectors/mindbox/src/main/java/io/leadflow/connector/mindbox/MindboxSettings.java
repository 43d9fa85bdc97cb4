package io.leadflow.connector.mindbox;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ratelimit.RateLimitMemory;
import io.leadflow.connector.ratelimit.RateLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Mindbox account (the seed's tabs "Доступ Mindbox", "Клиенты: операции, идентификаторы,
 * подписки", "Заказы: операции, идентификаторы", "Товары: идентификаторы"), read from the account's
 * settings. Operation names are configured per Mindbox project, so each is a setting; the defaults
 * are the Bitrix module's ({@code {operation_prefix}.RegisterCustomer}…, crm-apis section 5).
 * An unknown setting, or a missing endpoint id, fails when the connector is made, before any call.
 *
 * @param ops the operation system name of each {@link Op}
 */
record MindboxSettings(String apiBase, String endpointId, String deviceUuid, Map<Op, String> ops,
                       String customerInternalId, String customerId, String orderId, String orderNumberId, String productId,
                       String subscriptionBrand, String subscriptionTopic, String subscriptionChannel,
                       String retailcrmAccount, boolean legacyAuth, Duration timeout) {
    static final String DEFAULT_ORIGIN = "https://api.mindbox.ru";

    /** The operations of seed 004's module; the setting names each one's system name. */
    enum Op {
        CUSTOMER_IMPORT("op_customer_import", "RegisterCustomer"),
        CUSTOMER_GET("op_customer_get", "GetCustomerInfo"),
        CUSTOMER_EDIT("op_customer_edit", "EditCustomer"),
        CUSTOMER_CONFIRM_PHONE("op_customer_confirm_phone", "ConfirmMobilePhone"),
        ORDER_CALCULATE("op_order_calculate", "CalculateAuthorizedCart"),
        ORDER_BEGIN("op_order_begin", "BeginAuthorizedOrderTransaction"),
        ORDER_COMMIT("op_order_commit", "CommitOrderTransaction"),
        ORDER_ROLLBACK("op_order_rollback", "RollbackOrderTransaction"),
        ORDER_ITEM_STATUSES("op_order_item_statuses", "UpdateOrderItemsStatus");

        final String setting;
        final String bitrixName;

        Op(String setting, String bitrixName) {
            this.setting = setting;
            this.bitrixName = bitrixName;
        }
    }

    private static final Set<String> PLAIN = Set.of("endpoint_id", "device_uuid", "operation_prefix", "auth",
            "customer_internal_id", "customer_id", "order_id", "order_number_id", "product_id",
            "subscription_brand", "subscription_topic", "subscription_channel", "retailcrm_account", "timeout_ms",
            RateLimits.SETTING, RateLimitMemory.SETTING);

    static Set<String> known() {
        Set<String> all = new TreeSet<>(PLAIN);
        for (Op op : Op.values()) all.add(op.setting);
        return all;
    }

    static MindboxSettings of(AccountConfig account) {
        for (String key : account.settings().keySet()) {
            if (!known().contains(key)) {
                throw new IllegalArgumentException(where(account) + "unknown setting '" + key + "'" + didYouMean(key)
                        + " (known: " + String.join(", ", known()) + ")");
            }
        }
        String endpoint = account.setting("endpoint_id", "");
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException(where(account) + "setting endpoint_id is required (the seed's «Идентификатор точки интеграции»)");
        }
        String prefix = account.setting("operation_prefix", "Website");
        Map<Op, String> ops = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            String name = account.setting(op.setting, prefix + "." + op.bitrixName).trim();
            if (name.isEmpty()) throw new IllegalArgumentException(where(account) + "setting " + op.setting + " is empty");
            ops.put(op, name);
        }
        String auth = account.setting("auth", "SecretKey");
        if (!auth.equals("SecretKey") && !auth.equals("legacy")) {
            throw new IllegalArgumentException(where(account) + "setting auth must be SecretKey or legacy, got '" + auth + "'");
        }
        String origin = account.baseUrl() == null || account.baseUrl().isBlank() ? DEFAULT_ORIGIN : account.baseUrl();
        return new MindboxSettings(origin.replaceAll("/+$", ""), endpoint.trim(), blankToNull(account.setting("device_uuid", null)), Map.copyOf(ops),
                account.setting("customer_internal_id", "mindboxId"), account.setting("customer_id", "retailCRMId"),
                account.setting("order_id", "retailCRMId"), account.setting("order_number_id", "retailCRMNumber"),
                account.setting("product_id", "website"), blankToNull(account.setting("subscription_brand", null)),
                blankToNull(account.setting("subscription_topic", null)), account.setting("subscription_channel", "Email"),
                blankToNull(account.setting("retailcrm_account", null)), auth.equals("legacy"),
                Duration.ofMillis(account.longSetting("timeout_ms", 10_000)));
    }

    String op(Op op) {
        return ops.get(op);
    }

    private static String where(AccountConfig account) {
        return "mindbox account '" + account.account() + "': ";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String didYouMean(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known()) {
            int d = distance(key, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? "; did you mean '" + best + "'?" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
