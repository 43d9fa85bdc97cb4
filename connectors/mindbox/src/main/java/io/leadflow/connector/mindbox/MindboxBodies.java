package io.leadflow.connector.mindbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.FieldValues;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;

/**
 * Rule-file fields → Mindbox v3 request bodies (crm-apis section 5: the Bitrix module's JSON and
 * the PHP SDK's customer DTO). Identifier names come from the account's settings. A phone is sent
 * as its digits ({@code 79001234567}, as in the module's bodies). Where Mindbox's field is
 * unconfirmed the code says so: {@code order.discounts[]} of type {@code externalPromoAction} for
 * the RetailCRM discount, {@code order.pointOfContact}, and the item-status line shape [U].
 */
final class MindboxBodies {
    private MindboxBodies() { }

    static JsonObject customer(ObjectNode fields, MindboxSettings s) {
        JsonObject customer = new JsonObject();
        JsonObject ids = new JsonObject();
        JsonObject custom = new JsonObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() == null || e.getValue().isNull()) continue;
            String name = e.getKey();
            if (name.startsWith("contact_cf_")) {
                custom.put(name.substring("contact_cf_".length()), FieldValues.plain(e.getValue()));
                continue;
            }
            Object v = FieldValues.coerce(MindboxSchema.CUSTOMER, name, e.getValue());
            switch (name) {
                case "retailcrm_id" -> ids.put(s.customerId(), String.valueOf(v));
                case "mindbox_id" -> ids.put(s.customerInternalId(), v);
                case "email" -> customer.put("email", v);
                case "phone" -> customer.put("mobilePhone", digits(String.valueOf(v)));
                case "first_name" -> customer.put("firstName", v);
                case "last_name" -> customer.put("lastName", v);
                case "middle_name" -> customer.put("middleName", v);
                case "birth_date" -> customer.put("birthDate", v);
                case "subscribe" -> customer.put("subscriptions", new JsonArray().add(subscription(s, (Boolean) v)));
                case "confirm_phone", "import_only" -> { } // how the customer is sent, see MindboxCustomers
                default -> throw new PermanentException("customer has no field '" + name + "'", name, 0);
            }
        }
        customer.put("ids", ids);
        if (!custom.isEmpty()) customer.put("customFields", custom);
        return customer;
    }

    /** {@code {"brand"?, "pointOfContact": channel, "topic"?, "isSubscribed"}} [P: SDK DTO names the list; entry fields from Mindbox docs, unconfirmed]. */
    private static JsonObject subscription(MindboxSettings s, boolean subscribed) {
        JsonObject sub = new JsonObject();
        if (s.subscriptionBrand() != null) sub.put("brand", s.subscriptionBrand());
        sub.put("pointOfContact", s.subscriptionChannel());
        if (s.subscriptionTopic() != null) sub.put("topic", s.subscriptionTopic());
        return sub.put("isSubscribed", subscribed);
    }

    /** What an order body is made of: the order itself, the customer it belongs to, and what its lines are on the RetailCRM side. */
    record OrderParts(JsonObject order, JsonObject customer, Map<String, Object> extra, java.util.List<LineSide> lines) { }

    /**
     * One line as RetailCRM has it: its {@code lineNumber} in the body, the RetailCRM item id
     * ({@code line_id}, null when not mapped), whether it is a service item, and the item's own
     * properties ({@code retailcrm_properties}, kept when the sale price is written beside them).
     */
    record LineSide(int lineNumber, String itemId, boolean service, JsonArray properties) { }

    /**
     * The order of a deal's fields. {@code withDiscount}: the RetailCRM discount goes with it
     * (step {@code commit_with_discount}); otherwise a mapped {@code discount} is not sent.
     * {@code extra} holds the fields that are not part of Mindbox's body (step, write-back codes).
     */
    static OrderParts order(ObjectNode fields, String contactMindboxId, boolean withDiscount, MindboxSettings s) {
        JsonObject order = new JsonObject();
        JsonObject ids = new JsonObject();
        JsonObject customer = new JsonObject();
        JsonObject customerIds = new JsonObject();
        JsonObject custom = new JsonObject();
        Map<String, Object> extra = new java.util.HashMap<>();
        java.util.List<LineSide> sides = new java.util.ArrayList<>();
        Object discount = null;
        Object discountId = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() == null || e.getValue().isNull()) continue;
            String name = e.getKey();
            if (name.startsWith("deal_cf_")) {
                custom.put(name.substring("deal_cf_".length()), FieldValues.plain(e.getValue()));
                continue;
            }
            if (name.equals("products")) {
                order.put("lines", lines(e.getValue(), s, sides));
                continue;
            }
            Object v = FieldValues.coerce(MindboxSchema.ORDER, name, e.getValue());
            switch (name) {
                case "order_id" -> ids.put(s.orderId(), String.valueOf(v));
                case "order_number" -> ids.put(s.orderNumberId(), String.valueOf(v));
                case "customer_id" -> customerIds.put(s.customerId(), String.valueOf(v));
                case "email" -> customer.put("email", v);
                case "phone" -> customer.put("mobilePhone", digits(String.valueOf(v)));
                case "total_price" -> order.put("totalPrice", v);
                case "delivery_cost" -> order.put("deliveryCost", v);
                case "promo_code" -> order.put("coupons", new JsonArray().add(new JsonObject().put("ids", new JsonObject().put("code", v))));
                case "bonus_points" -> order.put("bonusPoints", new JsonArray().add(new JsonObject().put("amount", v)));
                case "point_of_contact" -> order.put("pointOfContact", new JsonObject().put("ids", new JsonObject().put("externalId", v)));
                case "discount" -> discount = v;
                case "discount_id" -> discountId = v;
                default -> extra.put(name, v);
            }
        }
        if (contactMindboxId != null) customerIds.put(s.customerInternalId(), MindboxCustomers.number(contactMindboxId));
        if (withDiscount && discount != null) {
            if (discountId == null) {
                throw new PermanentException("step commit_with_discount passes the RetailCRM discount, which needs discount_id"
                        + " (the seed's «Идентификатор скидки Mindbox»)", "discount_id", 0);
            }
            order.put("discounts", new JsonArray().add(new JsonObject().put("type", "externalPromoAction")
                    .put("externalPromoAction", new JsonObject().put("ids", new JsonObject().put("externalId", discountId)))
                    .put("amount", discount)));
        }
        order.put("ids", ids);
        if (!custom.isEmpty()) order.put("customFields", custom);
        if (!customerIds.isEmpty()) customer.put("ids", customerIds);
        return new OrderParts(order, customer, extra, java.util.List.copyOf(sides));
    }

    /**
     * The order's lines. A service item (seed 004 «Товары-услуги»: "the quantity depends on the
     * price in the order") goes as its price in units: quantity = price × quantity, basePricePerItem
     * 1 [U: Leadflow's reading of the seed's one sentence; the module's wire format is not public].
     */
    private static JsonArray lines(JsonNode products, MindboxSettings s, java.util.List<LineSide> sides) {
        JsonArray lines = new JsonArray();
        if (!products.isArray()) throw new PermanentException("products must be a list", "products", 0);
        int n = 0;
        for (JsonNode item : products) {
            n++;
            JsonObject line = new JsonObject().put("lineNumber", n);
            EntitySchema schema = MindboxSchema.LINE;
            boolean service = false;
            JsonArray properties = new JsonArray();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() == null || e.getValue().isNull()) continue;
                Object v = FieldValues.coerce(schema, e.getKey(), e.getValue());
                switch (e.getKey()) {
                    case "product_id" -> line.put("product", new JsonObject().put("ids", new JsonObject().put(s.productId(), String.valueOf(v))));
                    case "price" -> line.put("basePricePerItem", v);
                    case "quantity" -> line.put("quantity", v);
                    case "line_id" -> line.put("lineId", String.valueOf(v));
                    case "status" -> line.put("status", new JsonObject().put("ids", new JsonObject().put("externalId", v)));
                    case "service" -> service = Boolean.TRUE.equals(v);
                    case "retailcrm_properties" -> properties = properties(v);
                    default -> throw new PermanentException("an order line has no field '" + e.getKey() + "'", e.getKey(), 0);
                }
            }
            if (!line.containsKey("product") || !line.containsKey("basePricePerItem")) {
                throw new PermanentException("order line " + n + " needs product_id and price", "products", 0);
            }
            if (!line.containsKey("quantity")) line.put("quantity", 1);
            if (service) {
                double units = ((Number) line.getValue("basePricePerItem")).doubleValue() * ((Number) line.getValue("quantity")).doubleValue();
                line.put("quantity", units).put("basePricePerItem", 1);
            }
            sides.add(new LineSide(n, line.getString("lineId"), service, properties));
            lines.add(line);
        }
        return lines;
    }

    /** The RetailCRM item's properties as a list of {@code {code, name, value}}, given as a list or as an object keyed by code [U: which the API answers]. */
    private static JsonArray properties(Object v) {
        JsonArray out = new JsonArray();
        Iterable<?> all = v instanceof JsonArray a ? a : v instanceof JsonObject o ? o.getMap().values()
                : v instanceof java.util.List<?> l ? l : v instanceof Map<?, ?> m ? m.values() : null;
        if (all == null) throw new PermanentException("retailcrm_properties must be the item's properties (a list or an object)", "retailcrm_properties", 0);
        for (Object p : all) {
            JsonObject prop = p instanceof JsonObject j ? j : p instanceof Map<?, ?> m ? new JsonObject(new java.util.HashMap<>(castMap(m))) : null;
            if (prop == null || prop.getString("code") == null) {
                throw new PermanentException("each of retailcrm_properties needs a code", "retailcrm_properties", 0);
            }
            out.add(prop.copy());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
