package io.leadflow.connector.mindbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.mindbox.MindboxSettings.Op;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * The order steps of seed 004 ("Заказы"), one per lead as the block's {@code step} says:
 * <ul>
 *   <li>{@code calculate}: the calculate operation (promo code check, bonus points), then its
 *       outcome written into the RetailCRM order's custom fields named by the block
 *       ({@code retailcrm_discount_field}: the coupon discount as an integer;
 *       {@code retailcrm_promo_field}: the applied code, empty when it cannot be used;
 *       {@code retailcrm_bonus_field}: the bonus points available for this order) through the
 *       RetailCRM connector of the account setting {@code retailcrm_account} (none: such a block is refused
 *       before any call). Recalculated line
 *       prices are never written back (the seed's "do not send recalculated prices"); with
 *       {@code retailcrm_price_property} Mindbox's sale price of each item goes into that RetailCRM
 *       item property instead (not for service items).</li>
 *   <li>{@code commit} / {@code commit_with_discount}: begin + commit of an order transaction whose
 *       external id is derived from the effect's idempotency key, so every retry, reconcile and
 *       restart names the same transaction; the second also passes the RetailCRM discount.</li>
 *   <li>{@code item_statuses}: the update-item-statuses operation.</li>
 * </ul>
 *
 * <p>The transaction is committed once or rolled back, never both (crm-apis section 5: the
 * external id ties begin, commit and rollback; {@code TransactionAlreadyProcessed} counts as done;
 * {@code PriceHasBeenChanged} on begin is rolled back, as the Bitrix module does). A failure after
 * the begin was sent is reported in doubt, so the runtime reconciles instead of beginning again.
 * {@link #resume} is that reconcile: it recalculates the order to learn whether its prices changed
 * (then it may only roll back) and otherwise commits; how Mindbox answers a commit or rollback of a
 * transaction it does not know, or one already finished the other way, is unconfirmed [U]: a
 * {@code ProtocolError} is read as "not this way", and the other way is then probed, so nothing is
 * ever both committed and rolled back. A transaction that can be neither is reported "nothing made".
 */
final class MindboxOrders {
    private final MindboxClient client;
    private final ConnectorFactory.Peers peers;

    MindboxOrders(MindboxClient client, ConnectorFactory.Peers peers) {
        this.client = client;
        this.peers = peers;
    }

    Future<EffectResult> apply(CreateDeal effect, EffectContext ctx, CallCount count) {
        String step = step(effect.fields());
        return switch (step) {
            case MindboxSchema.CALCULATE -> calculate(effect, ctx, count);
            case MindboxSchema.COMMIT, MindboxSchema.COMMIT_WITH_DISCOUNT -> transaction(effect, ctx, count);
            case MindboxSchema.ITEM_STATUSES -> itemStatuses(effect, ctx, count);
            default -> throw new PermanentException("step must be one of calculate, commit, commit_with_discount, item_statuses; got '"
                    + step + "'", "step", 0);
        };
    }

    /** After a lost answer or a crash: a transaction is resumed ({@link #resume}); the other steps are safe to send again. */
    Future<Optional<EffectResult>> reconcile(CreateDeal effect, EffectContext ctx, CallCount count) {
        String step = step(effect.fields());
        if (step.equals(MindboxSchema.COMMIT) || step.equals(MindboxSchema.COMMIT_WITH_DISCOUNT)) {
            Parts p = parts(effect, ctx);
            return resume(p, count);
        }
        return Future.succeededFuture(Optional.empty());
    }

    // ---- calculate ---------------------------------------------------------------------------

    private Future<EffectResult> calculate(CreateDeal effect, EffectContext ctx, CallCount count) {
        Parts p = parts(effect, ctx);
        WriteBack wb = WriteBack.of(p.extra);
        if (wb.priceCode() != null) {
            for (MindboxBodies.LineSide line : p.lines) {
                if (line.itemId() == null) {
                    throw new PermanentException("the Mindbox sale price is to be written into the RetailCRM items (retailcrm_price_property),"
                            + " which needs each line's line_id (the RetailCRM item id); line " + line.lineNumber() + " has none", "line_id", 0);
                }
            }
        }
        // the RetailCRM account is made ready first: a missing one fails before any Mindbox call
        String account = client.settings().retailcrmAccount();
        if (!wb.isEmpty() && account == null) {
            throw new PermanentException("the calculation is to be written into the RetailCRM order (retailcrm_*_field), but the Mindbox"
                    + " account names no RetailCRM account: set its setting retailcrm_account", "retailcrm_discount_field", 0);
        }
        Future<io.leadflow.connector.CrmConnector> retailcrm = wb.isEmpty() ? Future.succeededFuture(null) : peers.connector("retailcrm", account);
        return retailcrm.compose(crm -> client.call(Op.ORDER_CALCULATE, p.calculateBody(), false, count).compose(answer -> {
            MindboxCustomers.requireSuccess(answer, "calculate order");
            if (crm == null) return Future.succeededFuture(new EffectResult(p.orderId, count.get()));
            ObjectNode fields = wb.fields(answer.getJsonObject("order", new JsonObject()), p.lines);
            EffectContext own = new EffectContext(ctx.idempotencyKey() + "/retailcrm", ctx.leadId(), Map.of(), null);
            return crm.apply(new UpdateDeal(p.orderId, fields, false), own)
                    .map(r -> new EffectResult(p.orderId, count.get() + r.httpCalls()));
        }));
    }

    /** Which RetailCRM order custom fields get the calculation (the seed's "Пользовательские поля RetailCRM"). */
    private record WriteBack(String discountField, String promoField, String bonusField, String priceCode, String priceName) {
        static WriteBack of(Map<String, Object> extra) {
            String code = text(extra.get("retailcrm_price_property"));
            String name = text(extra.get("retailcrm_price_property_name"));
            if (name != null && code == null) {
                throw new PermanentException("retailcrm_price_property_name names the sale-price property, which needs its code"
                        + " (retailcrm_price_property)", "retailcrm_price_property", 0);
            }
            return new WriteBack(text(extra.get("retailcrm_discount_field")), text(extra.get("retailcrm_promo_field")),
                    text(extra.get("retailcrm_bonus_field")), code, name == null ? code : name);
        }

        boolean isEmpty() {
            return discountField == null && promoField == null && bonusField == null && priceCode == null;
        }

        /**
         * The RetailCRM fields from the calculated order: {@code couponsInfo[].coupon.status} and
         * {@code discountAmountForCurrentOrder} [C Bitrix]; {@code totalBonusPointsInfo.availableAmountForCurrentOrder} [C Bitrix].
         * A coupon that cannot be used writes an empty code and a zero discount; a missing bonus block writes 0.
         */
        ObjectNode fields(JsonObject order, java.util.List<MindboxBodies.LineSide> lines) {
            double discount = 0;
            String applied = "";
            for (Object o : order.getJsonArray("couponsInfo", new JsonArray())) {
                if (!(o instanceof JsonObject info)) continue;
                JsonObject coupon = info.getJsonObject("coupon", new JsonObject());
                if (!"CanBeUsed".equals(coupon.getString("status"))) continue;
                Object amount = info.getValue("discountAmountForCurrentOrder");
                if (amount instanceof Number n) discount += n.doubleValue();
                String code = coupon.getJsonObject("ids", new JsonObject()).getString("code");
                if (code != null) applied = applied.isEmpty() ? code : applied + "," + code;
            }
            Object available = order.getJsonObject("totalBonusPointsInfo", new JsonObject()).getValue("availableAmountForCurrentOrder");
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (discountField != null) out.put("deal_cf_" + discountField, Math.round(discount));
            if (promoField != null) out.put("deal_cf_" + promoField, applied);
            if (bonusField != null) out.put("deal_cf_" + bonusField, available instanceof Number n ? Math.round(n.doubleValue()) : 0);
            if (priceCode != null) out.set("products", salePrices(order, lines));
            return out;
        }

        /**
         * Every item of the order by its RetailCRM id, each priced line with the property
         * {@code {code, name, value}} holding Mindbox's sale price per item
         * ({@code discountedPriceOfLine / quantity} of the calculated line of the same
         * {@code lineNumber} [P: the PHP SDK's line DTO and the Bitrix module read
         * discountedPriceOfLine; not in crm-apis.md]) beside the item's own properties. The item's
         * price is never changed (the seed's «Не передавать пересчитанные цены»). A service item,
         * or a line Mindbox answered without a price, is listed with its properties unchanged:
         * Mindbox's recalculation of a service is not passed to RetailCRM (seed 004 «Товары-услуги»).
         */
        private com.fasterxml.jackson.databind.node.ArrayNode salePrices(JsonObject order, java.util.List<MindboxBodies.LineSide> lines) {
            com.fasterxml.jackson.databind.node.ArrayNode items = JsonNodeFactory.instance.arrayNode();
            for (MindboxBodies.LineSide line : lines) {
                ObjectNode item = items.addObject();
                item.put("id", line.itemId());
                Double price = line.service() ? null : salePrice(order, line.lineNumber());
                if (price == null) continue;
                com.fasterxml.jackson.databind.node.ArrayNode props = item.putArray("properties");
                for (Object o : line.properties()) {
                    JsonObject own = (JsonObject) o;
                    if (!priceCode.equals(own.getString("code"))) props.add((com.fasterxml.jackson.databind.JsonNode) io.vertx.core.json.jackson.DatabindCodec.mapper().valueToTree(own.getMap()));
                }
                props.addObject().put("code", priceCode).put("name", priceName).put("value", decimal(price));
            }
            return items;
        }

        private static Double salePrice(JsonObject order, int lineNumber) {
            for (Object o : order.getJsonArray("lines", new JsonArray())) {
                if (!(o instanceof JsonObject l) || !(l.getValue("lineNumber") instanceof Number n) || n.intValue() != lineNumber) continue;
                if (l.getValue("discountedPriceOfLine") instanceof Number total && l.getValue("quantity") instanceof Number q && q.doubleValue() > 0) {
                    return Math.round(total.doubleValue() / q.doubleValue() * 100) / 100.0;
                }
            }
            return null;
        }

        /** 405.0 → "405", 404.5 → "404.5": RetailCRM property values are text [U]. */
        private static String decimal(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }

        private static String text(Object v) {
            return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
        }
    }

    // ---- begin + commit ----------------------------------------------------------------------

    private Future<EffectResult> transaction(CreateDeal effect, EffectContext ctx, CallCount count) {
        Parts p = parts(effect, ctx);
        return client.call(Op.ORDER_BEGIN, p.beginBody(), true, count).compose(begun -> {
            String status = MindboxClient.status(begun);
            if (!"Success".equals(status)) {
                // TransactionAlreadyProcessed, or a ProtocolError: this transaction exists already [U]; find out how it ended
                return resume(p, count).map(found -> found.orElseThrow(() -> new PermanentException("Mindbox refused to begin transaction "
                        + p.transactionId + " (" + status + ": " + begun.getString("errorMessage", "no message") + ") and it is neither open nor finished",
                        "order_id", 200)));
            }
            String processing = begun.getJsonObject("order", new JsonObject()).getString("processingStatus");
            if ("PriceHasBeenChanged".equals(processing)) {
                return inDoubtAfterBegin(p, rollback(p, count).compose(rolledBack -> Future.failedFuture(priceChanged(p))));
            }
            return inDoubtAfterBegin(p, commit(p, count).map(committed -> {
                if (!committed) throw new PermanentException("Mindbox refused to commit transaction " + p.transactionId + " it had begun", "order_id", 200);
                return new EffectResult(p.orderId, count.get());
            }));
        });
    }

    /** Once the begin is sent, a retryable failure is in doubt: the runtime then reconciles ({@link #resume}) instead of beginning again. */
    private static <T> Future<T> inDoubtAfterBegin(Parts p, Future<T> rest) {
        return rest.recover(e -> {
            if (e instanceof ConnectorException c && c.retryable()) {
                return Future.failedFuture(new InDoubtException("Mindbox transaction " + p.transactionId
                        + " was begun; its commit or rollback is not confirmed yet (" + e.getMessage() + ")", e));
            }
            return Future.failedFuture(e);
        });
    }

    /**
     * Where a begun (or maybe begun) transaction stands, finishing it the one allowed way.
     * Present: committed. Empty: Mindbox has no such transaction (safe to begin). Fails: rolled back
     * because its prices changed, or the state cannot be told.
     */
    private Future<Optional<EffectResult>> resume(Parts p, CallCount count) {
        return client.call(Op.ORDER_CALCULATE, p.calculateBody(), false, count).compose(calculated -> {
            MindboxCustomers.requireSuccess(calculated, "calculate order");
            Boolean changed = pricesChanged(p.order, calculated.getJsonObject("order", new JsonObject()));
            if (changed == null) {
                return Future.failedFuture(new PermanentException("cannot tell whether the prices of transaction " + p.transactionId
                        + " changed (the calculation has no lines): neither committed nor rolled back, resolve it in Mindbox", "products", 200));
            }
            if (changed) {
                return rollback(p, count).compose(rolledBack -> rolledBack
                        ? Future.failedFuture(priceChanged(p))
                        : commit(p, count).map(committed -> committed ? Optional.of(new EffectResult(p.orderId, count.get())) : Optional.empty()));
            }
            return commit(p, count).compose(committed -> committed
                    ? Future.succeededFuture(Optional.of(new EffectResult(p.orderId, count.get())))
                    : rollbackProbe(p, count));
        });
    }

    /** A commit was refused: if a rollback says "already processed", it was rolled back earlier; else Mindbox has no such transaction. */
    private Future<Optional<EffectResult>> rollbackProbe(Parts p, CallCount count) {
        return client.call(Op.ORDER_ROLLBACK, p.finishBody(), true, count).compose(a -> {
            String status = MindboxClient.status(a);
            if ("TransactionAlreadyProcessed".equals(status)) {
                return Future.failedFuture(new PermanentException("Mindbox transaction " + p.transactionId + " was rolled back earlier", "order_id", 200));
            }
            if ("Success".equals(status)) {
                return Future.failedFuture(new PermanentException("Mindbox transaction " + p.transactionId
                        + " refused its commit and has now been rolled back", "order_id", 200));
            }
            return Future.succeededFuture(Optional.empty());
        });
    }

    /** True when committed now or before ({@code TransactionAlreadyProcessed}); false on a ProtocolError. */
    private Future<Boolean> commit(Parts p, CallCount count) {
        return client.call(Op.ORDER_COMMIT, p.finishBody(), true, count).map(a -> finished(a, "commit"));
    }

    /** True when rolled back now or before ({@code TransactionAlreadyProcessed}); false on a ProtocolError. */
    private Future<Boolean> rollback(Parts p, CallCount count) {
        return client.call(Op.ORDER_ROLLBACK, p.finishBody(), true, count).map(a -> finished(a, "rollback"));
    }

    private static boolean finished(JsonObject answer, String what) {
        return switch (MindboxClient.status(answer)) {
            case "Success", "TransactionAlreadyProcessed" -> true;
            case "ProtocolError" -> false;
            default -> throw new PermanentException("Mindbox answered " + what + " with " + MindboxClient.status(answer), null, 200);
        };
    }

    private static PermanentException priceChanged(Parts p) {
        return new PermanentException("Mindbox answered PriceHasBeenChanged: transaction " + p.transactionId
                + " rolled back, the order is not saved in Mindbox (recalculate it)", "products", 200);
    }

    /** Whether any line's price differs from Mindbox's calculation (by line number); null when the calculation has no lines. */
    static Boolean pricesChanged(JsonObject requested, JsonObject calculated) {
        JsonArray mine = requested.getJsonArray("lines", new JsonArray());
        JsonArray theirs = calculated.getJsonArray("lines");
        if (mine.isEmpty()) return false;
        if (theirs == null || theirs.isEmpty()) return null;
        for (Object o : mine) {
            JsonObject line = (JsonObject) o;
            JsonObject match = null;
            for (Object t : theirs) {
                if (t instanceof JsonObject c && line.getValue("lineNumber").equals(c.getValue("lineNumber"))) match = c;
            }
            if (match == null || !(match.getValue("basePricePerItem") instanceof Number theirPrice)) return null;
            if (Double.compare(((Number) line.getValue("basePricePerItem")).doubleValue(), theirPrice.doubleValue()) != 0) return true;
        }
        return false;
    }

    // ---- item statuses -----------------------------------------------------------------------

    private Future<EffectResult> itemStatuses(CreateDeal effect, EffectContext ctx, CallCount count) {
        Parts p = parts(effect, ctx);
        JsonObject order = new JsonObject().put("ids", p.order.getJsonObject("ids"))
                .put("lines", p.order.getJsonArray("lines", new JsonArray()));
        if (order.getJsonArray("lines").isEmpty()) {
            throw new PermanentException("step item_statuses needs the order's lines (products with status)", "products", 0);
        }
        return client.call(Op.ORDER_ITEM_STATUSES, new JsonObject().put("order", order), true, count).map(a -> {
            MindboxCustomers.requireSuccess(a, "update item statuses");
            return new EffectResult(p.orderId, count.get());
        });
    }

    // ---- bodies ------------------------------------------------------------------------------

    private static String step(ObjectNode fields) {
        String step = fields.path("step").asText("");
        if (step.isEmpty()) throw new PermanentException("an order block needs step (calculate, commit, commit_with_discount, item_statuses)", "step", 0);
        return step;
    }

    private Parts parts(CreateDeal effect, EffectContext ctx) {
        boolean withDiscount = MindboxSchema.COMMIT_WITH_DISCOUNT.equals(step(effect.fields()));
        MindboxBodies.OrderParts b = MindboxBodies.order(effect.fields(), ctx.resolve(effect.contact()), withDiscount, client.settings());
        String orderId = b.order().getJsonObject("ids").getString(client.settings().orderId());
        if (orderId == null) throw new PermanentException("an order needs order_id (the RetailCRM order id)", "order_id", 0);
        return new Parts(b.order(), b.customer(), b.extra(), b.lines(), orderId, transactionId(orderId, ctx));
    }

    /** {@code <order id>-<12 characters of the effect key's hash>}: the same on every retry of this effect, another for the next lead. */
    static String transactionId(String orderId, EffectContext ctx) {
        return orderId + "-" + IdempotencyToken.of(ctx.idempotencyKey()).substring(IdempotencyToken.PREFIX.length(), IdempotencyToken.PREFIX.length() + 12);
    }

    private record Parts(JsonObject order, JsonObject customer, Map<String, Object> extra, java.util.List<MindboxBodies.LineSide> lines,
                         String orderId, String transactionId) {
        JsonObject calculateBody() {
            JsonObject body = new JsonObject().put("order", order.copy());
            if (!customer.isEmpty()) body.put("customer", customer.copy());
            return body;
        }

        JsonObject beginBody() {
            JsonObject body = calculateBody();
            body.getJsonObject("order").put("transaction", transaction());
            return body;
        }

        /** Commit and rollback send only {@code order.ids} and the transaction [C crm-apis section 5]. */
        JsonObject finishBody() {
            return new JsonObject().put("order", new JsonObject().put("ids", order.getJsonObject("ids").copy()).put("transaction", transaction()));
        }

        private JsonObject transaction() {
            return new JsonObject().put("ids", new JsonObject().put("externalId", transactionId));
        }
    }
}
