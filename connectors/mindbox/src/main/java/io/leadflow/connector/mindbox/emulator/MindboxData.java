package io.leadflow.connector.mindbox.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The emulated Mindbox project, in memory: its configured operations (name → what it does; the
 * Bitrix module's default names, crm-apis section 5), customers with a bonus balance, product
 * prices, promo codes, order transactions and saved orders. Thread-safe. Processing follows the
 * reference; where it is silent the choice is marked [U] and {@code pessimistic} plays the harder
 * reading.
 *
 * <p>Transactions [U beyond "the external id ties begin/commit/rollback" and the status names]:
 * begin of a new external id opens it ({@code processingStatus: PriceHasBeenChanged} when a line's
 * price differs from the project's price); begin of a known one answers
 * {@code TransactionAlreadyProcessed} (pessimistic: {@code ProtocolError}); commit of an open one
 * saves the order (coupons used, bonus points written off), of a committed one answers
 * {@code TransactionAlreadyProcessed}, of a rolled-back or unknown one {@code ProtocolError};
 * rollback mirrors it. A commit never follows a rollback of the same transaction, and the counts of
 * both are kept per transaction for tests.
 */
public final class MindboxData implements EmulatorRecords {
    private static final Pattern PHONE = Pattern.compile("[0-9]{10,15}");

    private final Map<String, Kind> operations = new LinkedHashMap<>();
    private final Map<String, Double> prices = new LinkedHashMap<>();
    private final Map<String, JsonObject> promos = new LinkedHashMap<>();
    private final List<JsonObject> customers = new ArrayList<>();
    private final List<JsonObject> orders = new ArrayList<>();
    private final Map<String, JsonObject> transactions = new LinkedHashMap<>();
    private long nextCustomer = 1001;
    private long calculations;

    /** One answer: HTTP status and body. */
    record Answer(int http, JsonObject body) {
        static Answer ok(JsonObject body) {
            return new Answer(200, body.put("status", "Success"));
        }

        static Answer status(String status, String message) {
            JsonObject b = new JsonObject().put("status", status);
            if (message != null) b.put("errorMessage", message).put("errorId", "emu-" + Math.abs(message.hashCode()));
            return new Answer(200, b);
        }

        static Answer validation(String location, String message) {
            return new Answer(200, new JsonObject().put("status", "ValidationError").put("validationMessages",
                    new JsonArray().add(new JsonObject().put("message", message).put("location", location))));
        }
    }

    public MindboxData() {
        for (String prefix : List.of("Website")) {
            operations.put(prefix + ".RegisterCustomer", Kind.CUSTOMER_REGISTER);
            operations.put(prefix + ".GetCustomerInfo", Kind.CUSTOMER_GET);
            operations.put(prefix + ".CheckCustomerByMobilePhone", Kind.CUSTOMER_GET);
            operations.put(prefix + ".CheckCustomerByEmail", Kind.CUSTOMER_GET);
            operations.put(prefix + ".EditCustomer", Kind.CUSTOMER_EDIT);
            operations.put(prefix + ".ConfirmMobilePhone", Kind.CUSTOMER_CONFIRM_PHONE);
            operations.put(prefix + ".CalculateAuthorizedCart", Kind.ORDER_CALCULATE);
            operations.put(prefix + ".CalculateUnauthorizedCart", Kind.ORDER_CALCULATE);
            operations.put(prefix + ".BeginAuthorizedOrderTransaction", Kind.ORDER_BEGIN);
            operations.put(prefix + ".BeginUnauthorizedOrderTransaction", Kind.ORDER_BEGIN);
            operations.put(prefix + ".CommitOrderTransaction", Kind.ORDER_COMMIT);
            operations.put(prefix + ".RollbackOrderTransaction", Kind.ORDER_ROLLBACK);
            operations.put(prefix + ".UpdateOrderItemsStatus", Kind.ORDER_ITEMS_STATUS);
        }
        promos.put("SPRING10", new JsonObject().put("percent", 10).put("singleUse", false));
        promos.put("ONCE100", new JsonObject().put("amount", 100).put("singleUse", true));
    }

    // ---- project set-up (POST /__emulator/setup) ------------------------------------------------

    /**
     * {@code {"operations": {"Shop.Import": "CUSTOMER_REGISTER"}, "products": {"TSH-42": 450},
     * "promos": {"CODE": {"amount": 100 | "percent": 10, "singleUse": true, "minTotal": 500}},
     * "customers": [{"ids": {"retailCRMId": "7"}, "bonus": 300}]}}: every key optional.
     */
    public synchronized JsonObject setup(JsonObject s) {
        s.getJsonObject("operations", new JsonObject()).forEach(e -> operations.put(e.getKey(), Kind.valueOf(String.valueOf(e.getValue()))));
        s.getJsonObject("products", new JsonObject()).forEach(e -> prices.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
        s.getJsonObject("promos", new JsonObject()).forEach(e -> promos.put(e.getKey(), (JsonObject) e.getValue()));
        for (Object o : s.getJsonArray("customers", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            JsonObject existing = customer(c.getJsonObject("ids"));
            if (existing == null) existing = newCustomer(new JsonObject().put("ids", c.getJsonObject("ids").copy()));
            if (c.containsKey("bonus")) existing.put("bonus", ((Number) c.getValue("bonus")).doubleValue());
        }
        return new JsonObject().put("operations", operations.size()).put("products", prices.size()).put("promos", promos.size());
    }

    synchronized Kind operation(String name) {
        return name == null ? null : operations.get(name);
    }

    // ---- processing ---------------------------------------------------------------------------

    synchronized Answer process(Kind kind, JsonObject body, boolean pessimistic) {
        return switch (kind) {
            case CUSTOMER_GET -> getCustomer(body);
            case CUSTOMER_REGISTER -> register(body, pessimistic);
            case CUSTOMER_EDIT -> edit(body);
            case CUSTOMER_CONFIRM_PHONE -> confirmPhone(body);
            case ORDER_CALCULATE -> calculate(body, pessimistic);
            case ORDER_BEGIN -> begin(body, pessimistic);
            case ORDER_COMMIT -> commit(body);
            case ORDER_ROLLBACK -> rollback(body);
            case ORDER_ITEMS_STATUS -> itemsStatus(body);
        };
    }

    private Answer getCustomer(JsonObject body) {
        JsonObject ids = ids(body.getJsonObject("customer"));
        if (ids.isEmpty()) return Answer.validation("/customer/ids", "Customer identifier is required");
        JsonObject c = customer(ids);
        if (c == null) return Answer.ok(new JsonObject().put("customer", new JsonObject().put("processingStatus", "NotFound")));
        return Answer.ok(new JsonObject().put("customer", view(c).put("processingStatus", "Found")));
    }

    private Answer register(JsonObject body, boolean pessimistic) {
        JsonObject in = body.getJsonObject("customer", new JsonObject());
        Answer invalid = validateCustomer(in);
        if (invalid != null) return invalid;
        if (ids(in).isEmpty()) return Answer.validation("/customer/ids", "Customer identifier is required");
        if (customer(ids(in)) != null) return Answer.validation("/customer/ids", "Customer with these identifiers already exists"); // [U]
        JsonObject c = newCustomer(new JsonObject().put("ids", ids(in).copy()));
        merge(c, in);
        JsonObject out = new JsonObject().put("processingStatus", "Created");
        if (!pessimistic) out.put("ids", c.getJsonObject("ids").copy()); // [P] the answer's ids; pessimistic leaves them out
        return Answer.ok(new JsonObject().put("customer", out));
    }

    private Answer edit(JsonObject body) {
        JsonObject in = body.getJsonObject("customer", new JsonObject());
        Answer invalid = validateCustomer(in);
        if (invalid != null) return invalid;
        JsonObject c = customer(ids(in));
        if (c == null) return Answer.validation("/customer/ids", "Customer not found");
        merge(c, in);
        ids(in).forEach(e -> { if (!c.getJsonObject("ids").containsKey(e.getKey())) c.getJsonObject("ids").put(e.getKey(), e.getValue()); });
        return Answer.ok(new JsonObject().put("customer", new JsonObject().put("processingStatus", "Changed").put("ids", c.getJsonObject("ids").copy())));
    }

    private Answer confirmPhone(JsonObject body) {
        JsonObject in = body.getJsonObject("customer", new JsonObject());
        JsonObject c = customer(ids(in));
        if (c == null) return Answer.validation("/customer/ids", "Customer not found");
        String phone = in.getString("mobilePhone", c.getString("mobilePhone"));
        if (phone == null || !phone.equals(c.getString("mobilePhone"))) return Answer.validation("/customer/mobilePhone", "Mobile phone does not match the customer's");
        c.put("isMobilePhoneConfirmed", true);
        return Answer.ok(new JsonObject().put("customer", new JsonObject().put("processingStatus", "Changed")));
    }

    private static Answer validateCustomer(JsonObject c) {
        Object phone = c.getValue("mobilePhone");
        if (phone != null && !(phone instanceof String p && PHONE.matcher(p).matches())) return Answer.validation("/customer/mobilePhone", "Invalid phone");
        Object email = c.getValue("email");
        if (email != null && !(email instanceof String m && m.indexOf('@') > 0 && !m.contains(" "))) return Answer.validation("/customer/email", "Invalid email");
        return null;
    }

    /** The calculation of an order body, or a validation answer ({@code calc.answer != null}). */
    private record Calc(Answer invalid, JsonObject order, double spent, boolean priceChanged, JsonObject customer) { }

    private Calc calc(JsonObject body, boolean pessimistic) {
        JsonObject order = body.getJsonObject("order");
        if (order == null) return new Calc(Answer.validation("/order", "Order is required"), null, 0, false, null);
        JsonObject customerIn = body.getJsonObject("customer", new JsonObject());
        Answer invalid = validateCustomer(customerIn);
        if (invalid != null) return new Calc(invalid, null, 0, false, null);
        JsonArray lines = order.getJsonArray("lines", new JsonArray());
        JsonArray outLines = new JsonArray();
        double subtotal = 0;
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            if (!(lines.getValue(i) instanceof JsonObject line)) return new Calc(Answer.validation("/order/lines/" + i, "Line must be an object"), null, 0, false, null);
            JsonObject productIds = line.getJsonObject("product", new JsonObject()).getJsonObject("ids", new JsonObject());
            if (productIds.isEmpty()) return new Calc(Answer.validation("/order/lines/" + i + "/product", "Product identifier is required"), null, 0, false, null);
            if (!(line.getValue("basePricePerItem") instanceof Number given) || given.doubleValue() < 0) {
                return new Calc(Answer.validation("/order/lines/" + i + "/basePricePerItem", "Price is required"), null, 0, false, null);
            }
            Object q = line.getValue("quantity", 1);
            if (!(q instanceof Number qty) || qty.doubleValue() <= 0) return new Calc(Answer.validation("/order/lines/" + i + "/quantity", "Quantity must be positive"), null, 0, false, null);
            Double own = null;
            for (Object v : productIds.getMap().values()) if (own == null) own = prices.get(String.valueOf(v));
            double price = own == null ? given.doubleValue() : own;
            if (own != null && Double.compare(own, given.doubleValue()) != 0) changed = true;
            double total = price * qty.doubleValue();
            subtotal += total;
            outLines.add(new JsonObject().put("lineNumber", line.getValue("lineNumber", i + 1)).put("product", line.getJsonObject("product").copy())
                    .put("basePricePerItem", price).put("quantity", qty).put("discountedPriceOfLine", total));
        }
        if (pessimistic) { // [U] the order of lines in an answer: pessimistic reverses it (match them by lineNumber)
            List<Object> reversed = new ArrayList<>(outLines.getList());
            java.util.Collections.reverse(reversed);
            outLines = new JsonArray(reversed);
        }
        JsonArray couponsInfo = new JsonArray();
        double discount = 0;
        for (Object o : order.getJsonArray("coupons", new JsonArray())) {
            String code = o instanceof JsonObject c ? c.getJsonObject("ids", new JsonObject()).getString("code") : null;
            if (code == null) return new Calc(Answer.validation("/order/coupons", "Coupon code is required"), null, 0, false, null);
            JsonObject promo = promos.get(code);
            String status;
            double amount = 0;
            if (promo == null) status = "NotFound";
            else if (promo.getBoolean("used", false)) status = "Used";
            else if (subtotal < promo.getDouble("minTotal", 0.0)) status = "CanNotBeUsedForCurrentOrder";
            else {
                status = "CanBeUsed";
                amount = promo.containsKey("amount") ? Math.min(subtotal - discount, promo.getDouble("amount"))
                        : Math.round((subtotal - discount) * promo.getDouble("percent", 0.0)) / 100.0;
                discount += amount;
            }
            JsonObject info = new JsonObject().put("coupon", new JsonObject().put("ids", new JsonObject().put("code", code)).put("status", status));
            if (status.equals("CanBeUsed")) info.put("discountAmountForCurrentOrder", amount);
            couponsInfo.add(info);
        }
        JsonObject customer = customer(ids(customerIn));
        double balance = customer == null ? 0 : customer.getDouble("bonus", 0.0);
        double available = Math.max(0, Math.min(balance, subtotal - discount));
        double requested = 0;
        for (Object o : order.getJsonArray("bonusPoints", new JsonArray())) {
            if (!(o instanceof JsonObject b) || !(b.getValue("amount") instanceof Number n) || n.doubleValue() < 0) {
                return new Calc(Answer.validation("/order/bonusPoints", "Bonus points amount must be a non-negative number"), null, 0, false, null);
            }
            requested += n.doubleValue();
        }
        if (requested > available) {
            return new Calc(Answer.validation("/order/bonusPoints", "Not enough bonus points: " + available + " available"), null, 0, false, null);
        }
        JsonObject out = new JsonObject().put("ids", order.getJsonObject("ids", new JsonObject()).copy()).put("lines", outLines)
                .put("couponsInfo", couponsInfo).put("totalPrice", subtotal - discount - requested);
        if (customer != null || !pessimistic) { // [P] pessimistic: no bonus block for an anonymous order
            out.put("totalBonusPointsInfo", new JsonObject().put("availableAmountForCurrentOrder", available).put("spentAmountForCurrentOrder", requested));
        }
        return new Calc(null, out, requested, changed, customer);
    }

    private Answer calculate(JsonObject body, boolean pessimistic) {
        Calc c = calc(body, pessimistic);
        if (c.invalid() != null) return c.invalid();
        calculations++;
        return Answer.ok(new JsonObject().put("order", c.order()));
    }

    private Answer begin(JsonObject body, boolean pessimistic) {
        String tx = transactionId(body);
        if (tx == null) return Answer.validation("/order/transaction", "Transaction external id is required");
        if (transactions.containsKey(tx)) {
            return pessimistic ? Answer.status("ProtocolError", "Transaction " + tx + " already exists") : Answer.status("TransactionAlreadyProcessed", null);
        }
        Calc c = calc(body, pessimistic);
        if (c.invalid() != null) return c.invalid();
        JsonObject order = body.getJsonObject("order");
        if (ids(order).isEmpty()) return Answer.validation("/order/ids", "Order identifier is required");
        transactions.put(tx, new JsonObject().put("externalId", tx).put("state", "open").put("commits", 0).put("rollbacks", 0)
                .put("priceHasBeenChanged", c.priceChanged()).put("request", body.copy()).put("spent", c.spent())
                .put("customer", c.customer() == null ? null : c.customer().getJsonObject("ids").copy()));
        JsonObject out = c.order().copy().put("processingStatus", c.priceChanged() ? "PriceHasBeenChanged" : "Processed");
        return Answer.ok(new JsonObject().put("order", out));
    }

    private Answer commit(JsonObject body) {
        String id = transactionId(body);
        JsonObject tx = id == null ? null : transactions.get(id);
        if (tx == null) return Answer.status("ProtocolError", "Transaction " + id + " not found");
        switch (tx.getString("state")) {
            case "committed": return Answer.status("TransactionAlreadyProcessed", null);
            case "rolledBack": return Answer.status("ProtocolError", "Transaction " + id + " was rolled back");
            default: break;
        }
        tx.put("state", "committed").put("commits", tx.getInteger("commits") + 1);
        JsonObject request = tx.getJsonObject("request");
        JsonObject order = request.getJsonObject("order").copy();
        order.remove("transaction");
        for (Object o : order.getJsonArray("coupons", new JsonArray())) {
            JsonObject promo = promos.get(((JsonObject) o).getJsonObject("ids").getString("code"));
            if (promo != null && promo.getBoolean("singleUse", false)) promo.put("used", true);
        }
        JsonObject customer = tx.getJsonObject("customer") == null ? null : customer(tx.getJsonObject("customer"));
        if (customer != null) customer.put("bonus", customer.getDouble("bonus", 0.0) - tx.getDouble("spent"));
        JsonObject saved = existingOrder(ids(order));
        if (saved != null) orders.remove(saved);
        orders.add(order.put("transaction", id).put("customer", request.getJsonObject("customer", new JsonObject()).copy()));
        return Answer.ok(new JsonObject());
    }

    private Answer rollback(JsonObject body) {
        String id = transactionId(body);
        JsonObject tx = id == null ? null : transactions.get(id);
        if (tx == null) return Answer.status("ProtocolError", "Transaction " + id + " not found");
        switch (tx.getString("state")) {
            case "rolledBack": return Answer.status("TransactionAlreadyProcessed", null);
            case "committed": return Answer.status("ProtocolError", "Transaction " + id + " was committed");
            default: break;
        }
        tx.put("state", "rolledBack").put("rollbacks", tx.getInteger("rollbacks") + 1);
        return Answer.ok(new JsonObject());
    }

    private Answer itemsStatus(JsonObject body) {
        JsonObject in = body.getJsonObject("order", new JsonObject());
        JsonObject order = existingOrder(ids(in));
        if (order == null) return Answer.validation("/order/ids", "Order not found");
        for (Object o : in.getJsonArray("lines", new JsonArray())) {
            JsonObject line = (JsonObject) o;
            if (line.getJsonObject("status") == null) return Answer.validation("/order/lines", "Line status is required");
            boolean matched = false;
            for (Object s : order.getJsonArray("lines", new JsonArray())) {
                JsonObject saved = (JsonObject) s;
                if (sameLine(saved, line)) {
                    saved.put("status", line.getJsonObject("status").copy());
                    matched = true;
                }
            }
            if (!matched) return Answer.validation("/order/lines", "Line " + line.getValue("lineNumber") + " is not in the order");
        }
        return Answer.ok(new JsonObject());
    }

    private static boolean sameLine(JsonObject saved, JsonObject line) {
        if (line.getValue("lineId") != null && line.getValue("lineId").equals(saved.getValue("lineId"))) return true;
        return line.getJsonObject("product") != null && line.getJsonObject("product").equals(saved.getJsonObject("product"))
                && (line.getValue("lineNumber") == null || line.getValue("lineNumber").equals(saved.getValue("lineNumber")));
    }

    // ---- records ------------------------------------------------------------------------------

    private static String transactionId(JsonObject body) {
        return body.getJsonObject("order", new JsonObject()).getJsonObject("transaction", new JsonObject())
                .getJsonObject("ids", new JsonObject()).getString("externalId");
    }

    private static JsonObject ids(JsonObject entity) {
        return entity == null ? new JsonObject() : entity.getJsonObject("ids", new JsonObject());
    }

    /** The customer sharing any identifier with {@code ids} (compared as text). */
    private JsonObject customer(JsonObject ids) {
        return matching(customers, ids);
    }

    private JsonObject existingOrder(JsonObject ids) {
        return matching(orders, ids);
    }

    private static JsonObject matching(List<JsonObject> records, JsonObject ids) {
        if (ids == null || ids.isEmpty()) return null;
        for (JsonObject r : records) {
            JsonObject own = r.getJsonObject("ids", new JsonObject());
            for (String k : ids.fieldNames()) {
                if (own.getValue(k) != null && String.valueOf(own.getValue(k)).equals(String.valueOf(ids.getValue(k)))) return r;
            }
        }
        return null;
    }

    private JsonObject newCustomer(JsonObject c) {
        c.getJsonObject("ids").put("mindboxId", nextCustomer++);
        c.put("bonus", 0.0);
        customers.add(c);
        return c;
    }

    private static void merge(JsonObject c, JsonObject in) {
        for (String k : in.fieldNames()) {
            if (k.equals("ids")) continue;
            if (k.equals("customFields") && c.getJsonObject("customFields") != null) c.getJsonObject("customFields").mergeIn(in.getJsonObject(k));
            else c.put(k, in.getValue(k) instanceof JsonObject o ? o.copy() : in.getValue(k));
        }
    }

    private static JsonObject view(JsonObject c) {
        JsonObject v = c.copy();
        v.remove("bonus");
        return v;
    }

    @Override
    public synchronized JsonObject snapshot() {
        JsonArray tx = new JsonArray();
        long commits = 0;
        long rollbacks = 0;
        for (JsonObject t : transactions.values()) {
            JsonObject copy = t.copy();
            copy.remove("request");
            tx.add(copy);
            commits += t.getInteger("commits");
            rollbacks += t.getInteger("rollbacks");
        }
        JsonObject used = new JsonObject();
        promos.forEach((code, p) -> used.put(code, p.getBoolean("used", false)));
        return new JsonObject().put("customers", new JsonArray(customers.stream().map(JsonObject::copy).toList()))
                .put("orders", new JsonArray(orders.stream().map(JsonObject::copy).toList()))
                .put("transactions", tx).put("commits", commits).put("rollbacks", rollbacks)
                .put("calculations", calculations).put("couponsUsed", used);
    }

    /**
     * The snapshot plus what a restart must keep that the inspection view leaves out: each
     * transaction's request (a commit after the restart reads it), the project set-up (operations,
     * prices, promo codes with their used marks) and the next Mindbox customer id.
     */
    @Override
    public synchronized JsonObject persisted() {
        JsonObject ops = new JsonObject();
        operations.forEach((name, kind) -> ops.put(name, kind.name()));
        JsonObject pr = new JsonObject();
        prices.forEach(pr::put);
        JsonObject pm = new JsonObject();
        promos.forEach((code, p) -> pm.put(code, p.copy()));
        return snapshot().put("transactionsKept", new JsonArray(transactions.values().stream().map(JsonObject::copy).toList()))
                .put("operations", ops).put("prices", pr).put("promos", pm).put("nextCustomer", nextCustomer);
    }

    /** A {@link #persisted()} form back (an empty object: no records, the default set-up). */
    @Override
    public synchronized void restore(JsonObject snapshot) {
        List<JsonObject> c = EmulatorRecords.records(snapshot, "customers");
        List<JsonObject> o = EmulatorRecords.records(snapshot, "orders");
        List<JsonObject> t = EmulatorRecords.records(snapshot, "transactionsKept");
        for (JsonObject x : t) if (x.getString("externalId") == null) throw new IllegalArgumentException("a transaction without externalId: " + x);
        Map<String, Kind> ops = new LinkedHashMap<>();
        snapshot.getJsonObject("operations", new JsonObject()).forEach(e -> ops.put(e.getKey(), Kind.valueOf(String.valueOf(e.getValue()))));
        clear();
        customers.addAll(c);
        orders.addAll(o);
        t.forEach(x -> transactions.put(x.getString("externalId"), x));
        calculations = snapshot.getLong("calculations", 0L);
        if (!ops.isEmpty()) {
            operations.clear();
            operations.putAll(ops);
        }
        snapshot.getJsonObject("prices", new JsonObject()).forEach(e -> prices.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
        snapshot.getJsonObject("promos", new JsonObject()).forEach(e -> promos.put(e.getKey(), ((JsonObject) e.getValue()).copy()));
        long next = 1001;
        for (JsonObject x : c) {
            Object id = x.getJsonObject("ids", new JsonObject()).getValue("mindboxId");
            if (id instanceof Number n) next = Math.max(next, n.longValue() + 1);
        }
        nextCustomer = Math.max(next, snapshot.getLong("nextCustomer", 1001L));
    }

    @Override
    public synchronized void clear() {
        customers.clear();
        orders.clear();
        transactions.clear();
        calculations = 0;
        promos.values().forEach(p -> p.remove("used"));
    }
}
