package io.leadflow.bench.suite;

import static io.leadflow.bench.suite.Hand.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed mapping workloads of the suite (issue 17), by name. */
public final class Workloads {
    private Workloads() { }

    public static final List<String> NAMES = List.of("site_form_6", "horoshop_5", "horoshop_50", "calltouch_call",
            "baselinker_seed003", "templates_tables", "deep_missing", "example_site_form", "example_calltouch");

    public static Workload byName(String name) {
        return switch (name) {
            case "site_form_6" -> siteForm();
            case "horoshop_5" -> horoshop(5);
            case "horoshop_50" -> horoshop(50);
            case "calltouch_call" -> calltouch();
            case "baselinker_seed003" -> seed003();
            case "templates_tables" -> templatesTables();
            case "deep_missing" -> deepMissing();
            case "example_site_form" -> exampleSiteForm();
            case "example_calltouch" -> exampleCalltouch();
            default -> throw new IllegalArgumentException("no workload " + name + "; known: " + NAMES);
        };
    }

    public static Map<String, Workload> all() {
        Map<String, Workload> out = new LinkedHashMap<>();
        for (String n : NAMES) out.put(n, byName(n));
        return out;
    }

    private static ObjectNode both(ObjectNode contact, ObjectNode deal) {
        ObjectNode out = F.objectNode();
        out.set("contact", contact);
        out.set("deal", deal);
        return out;
    }

    /** The contact of a call: the name, else "Call from" the standardised phone (the number as given when invalid). */
    private static ObjectNode caller(JsonNode l, boolean lowerEmail) {
        String raw = text(at(l, "callerphone"));
        String e = e164(raw);
        String shown = e != null ? e : raw;
        ObjectNode c = F.objectNode();
        JsonNode name = at(l, "name");
        if (name != null) c.set("firstName", name); else c.put("firstName", "Call from " + or(shown));
        put(c, "phone", shown);
        if (lowerEmail) put(c, "email", lower(text(at(l, "email")))); else copy(c, "email", at(l, "email"));
        return c;
    }

    private static ObjectNode wrap(String entity, ObjectNode body) {
        ObjectNode out = F.objectNode();
        out.set(entity, body);
        return out;
    }

    // ---------------------------------------------------------------- 1. a 6-field site form

    static Workload siteForm() {
        String flow = """
                table sources { "instagram" -> 1024, "google" -> 1025, default -> 1023 }

                flow "site form" {
                  from site.form
                  to baselinker
                  order {
                    order_status_id   <- 8011
                    custom_source_id  <- sources[lead.utm_source]
                    delivery_fullname <- lead.name
                    phone             <- lead.phone
                    email             <- lower(trim(lead.email))
                    user_comments     <- lead.message
                    admin_comments    <- "Form on {lead.page} ({lead.utm_source})"
                  }
                }
                """;
        String lead = """
                {"name": "Olena Koval", "phone": "+380 67 123 45 67", "email": " Olena@Example.com ",
                 "message": "Call me after 18:00, please", "page": "https://shop.example.ua/contacts", "utm_source": "google"}
                """;
        String jslt = """
                let sources = {"instagram": 1024, "google": 1025}
                {"deal": {
                  "order_status_id": 8011,
                  "custom_source_id": get-key($sources, string(.utm_source), 1023),
                  "delivery_fullname": .name,
                  "phone": .phone,
                  "email": lowercase(trim(.email)),
                  "user_comments": .message,
                  "admin_comments": "Form on " + .page + " (" + .utm_source + ")"
                }}
                """;
        return new Workload("site_form_6", "site form, 6 fields → Baselinker order (7 fields, a table, a template)", null, flow, lead, jslt,
                l -> {
                    ObjectNode d = F.objectNode();
                    d.put("order_status_id", 8011);
                    String src = text(at(l, "utm_source"));
                    d.put("custom_source_id", "instagram".equals(src) ? 1024 : "google".equals(src) ? 1025 : 1023);
                    copy(d, "delivery_fullname", at(l, "name"));
                    copy(d, "phone", at(l, "phone"));
                    put(d, "email", lower(trim(text(at(l, "email")))));
                    copy(d, "user_comments", at(l, "message"));
                    d.put("admin_comments", "Form on " + or(text(at(l, "page"))) + " (" + or(src) + ")");
                    return wrap("deal", d);
                });
    }

    // ---------------------------------------------------------------- 2, 3. a Horoshop order

    static Workload horoshop(int products) {
        String flow = """
                template customer(name, phone) = "{name} ({phone})"
                table stages { 1 -> 1, 2 -> 2, 3 -> 5, 6 -> 3, default -> 1 }

                flow "horoshop orders" {
                  from horoshop.orders
                  to keepincrm
                  contact {
                    name    <- lead.delivery_name
                    phone   <- lead.delivery_phone
                    email   <- lower(trim(lead.delivery_email))
                    company <- "City: {lead.delivery_city}, {lead.delivery_address}"
                  }
                  deal {
                    title        <- "Order {lead.order_id} from {lead.delivery_name}"
                    total        <- lead.total_sum
                    currency     <- upper(lead.currency)
                    stage_id     <- stages[lead.stat_status]
                    comment      <- customer(lead.delivery_name, lead.delivery_phone)
                    deal_cf_1041 <- lead.delivery_type.title
                    deal_cf_1042 <- lead.payment_type.title
                    deal_cf_1043 <- lead.analytics.utm_source
                    deal_cf_1044 <- lead.analytics.utm_medium
                    deal_cf_1045 <- lead.analytics.utm_campaign
                    deal_cf_1046 <- lead.coupon_code
                    deal_cf_1047 <- "Created {lead.stat_created}, paid {lead.payed}"
                  }
                  products from lead.products as item {
                    sku      <- item.article
                    title    <- item.title
                    price    <- item.price
                    quantity <- item.quantity ?? 1
                  }
                }
                """;
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= products; i++) {
            if (i > 1) items.append(",\n");
            items.append("{\"article\": \"ART-").append(1000 + i).append("\", \"title\": \"Товар номер ").append(i)
                    .append("\", \"price\": ").append(100 + 25 * i).append(i % 3 == 0 ? "" : ", \"quantity\": " + (1 + i % 4))
                    .append(", \"discount\": 0, \"parent_article\": \"P-").append(i).append("\"}");
        }
        String lead = """
                {"order_id": 1207, "user": 0, "delivery_name": "Олена Коваль", "delivery_email": " O.Koval@Example.com ",
                 "delivery_phone": "+38 (050) 123-45-67", "delivery_city": "Київ", "delivery_address": "вул. Хрещатик, 1",
                 "delivery_type": {"id": 3, "title": "Нова Пошта"}, "delivery_price": -1, "comment": "Передзвоніть",
                 "payment_type": {"id": 1, "title": "Накладений платіж"}, "payment_price": 0, "payed": 0,
                 "total_default": 950, "total_sum": 900, "total_quantity": 7, "discount_percent": 0, "discount_value": 50,
                 "coupon_code": "SPRING", "coupon_percent": 5, "coupon_discount_value": 50, "coupon_type": "percent",
                 "stat_status": 2, "stat_created": "2026-11-20 09:12:44", "currency": "uah",
                 "analytics": {"utm_source": "google", "utm_medium": "cpc", "utm_campaign": 2026, "utm_term": "", "utm_content": "",
                               "google_client_id": "1234.5678"},
                 "delivery_data": {"ttn": "20450000000000", "warehouse": "Відділення №1"},
                 "products": [%s]}
                """.formatted(items);
        String jslt = """
                let stages = {"1": 1, "2": 2, "3": 5, "6": 3}
                {"contact": {
                   "name": .delivery_name,
                   "phone": .delivery_phone,
                   "email": lowercase(trim(.delivery_email)),
                   "company": "City: " + .delivery_city + ", " + .delivery_address
                 },
                 "deal": {
                   "title": "Order " + string(.order_id) + " from " + .delivery_name,
                   "total": .total_sum,
                   "currency": uppercase(.currency),
                   "stage_id": get-key($stages, string(.stat_status), 1),
                   "comment": .delivery_name + " (" + .delivery_phone + ")",
                   "deal_cf_1041": .delivery_type.title,
                   "deal_cf_1042": .payment_type.title,
                   "deal_cf_1043": .analytics.utm_source,
                   "deal_cf_1044": .analytics.utm_medium,
                   "deal_cf_1045": .analytics.utm_campaign,
                   "deal_cf_1046": .coupon_code,
                   "deal_cf_1047": "Created " + .stat_created + ", paid " + string(.payed),
                   "products": [for (.products) {"sku": .article, "title": .title, "price": .price, "quantity": fallback(.quantity, 1)}]
                 }}
                """;
        return new Workload("horoshop_" + products, "Horoshop order, 26 fields, " + products
                + " products → KeepinCRM contact + deal + products (templates, a table)", null, flow, lead, jslt, l -> {
                    ObjectNode c = F.objectNode();
                    String name = text(at(l, "delivery_name"));
                    String phone = text(at(l, "delivery_phone"));
                    copy(c, "name", at(l, "delivery_name"));
                    copy(c, "phone", at(l, "delivery_phone"));
                    put(c, "email", lower(trim(text(at(l, "delivery_email")))));
                    c.put("company", "City: " + or(text(at(l, "delivery_city"))) + ", " + or(text(at(l, "delivery_address"))));
                    ObjectNode d = F.objectNode();
                    d.put("title", "Order " + or(text(at(l, "order_id"))) + " from " + or(name));
                    copy(d, "total", at(l, "total_sum"));
                    put(d, "currency", upper(text(at(l, "currency"))));
                    String st = text(at(l, "stat_status"));
                    d.put("stage_id", st == null ? 1 : switch (st) { case "1" -> 1; case "2" -> 2; case "3" -> 5; case "6" -> 3; default -> 1; });
                    d.put("comment", or(name) + " (" + or(phone) + ")");
                    copy(d, "deal_cf_1041", at(l, "delivery_type", "title"));
                    copy(d, "deal_cf_1042", at(l, "payment_type", "title"));
                    JsonNode a = at(l, "analytics");
                    copy(d, "deal_cf_1043", at(a, "utm_source"));
                    copy(d, "deal_cf_1044", at(a, "utm_medium"));
                    copy(d, "deal_cf_1045", at(a, "utm_campaign"));
                    copy(d, "deal_cf_1046", at(l, "coupon_code"));
                    d.put("deal_cf_1047", "Created " + or(text(at(l, "stat_created"))) + ", paid " + or(text(at(l, "payed"))));
                    ArrayNode ps = d.putArray("products");
                    JsonNode list = at(l, "products");
                    if (list != null && list.isArray()) {
                        for (JsonNode item : list) {
                            ObjectNode p = ps.addObject();
                            copy(p, "sku", at(item, "article"));
                            copy(p, "title", at(item, "title"));
                            copy(p, "price", at(item, "price"));
                            JsonNode q = at(item, "quantity");
                            if (q != null) p.set("quantity", q); else p.put("quantity", 1);
                        }
                    }
                    return both(c, d);
                });
    }

    // ---------------------------------------------------------------- 4. a Calltouch call

    static Workload calltouch() {
        String flow = """
                flow "calltouch calls" {
                  from calltouch.calls
                  to retailcrm
                  phone lead.callerphone as UA
                  contact {
                    firstName <- lead.name ?? "Call from {phone ?? phone.raw}"
                    phone     <- phone ?? phone.raw
                    email     <- lower(lead.email)
                  }
                  order {
                    customerComment <- "Call {lead.callId} to {lead.phonenumber}, {lead.duration} s, {lead.city}"
                    utm_source      <- lead.utm_source
                    utm_medium      <- lead.utm_medium
                    utm_campaign    <- lead.utm_campaign
                    utm_content     <- lead.utm_content
                    utm_term        <- lead.utm_term
                    deal_cf_calltouch_call_id <- lead.callId
                    deal_cf_calltouch_site_id <- lead.siteId
                  }
                }
                """;
        String lead = """
                {"callId": 48213, "siteId": 77, "callerphone": "067 123 45 67", "phonenumber": "+380441234567",
                 "callphase": "callconnected", "duration": 35, "successful": true, "unique": true, "targetcall": false,
                 "timestamp": 1764571200, "calltime": "2026-12-01 10:00:00", "city": "Kyiv", "hostname": "shop.example.ua",
                 "url": "https://shop.example.ua/", "ref": "https://google.com/", "source": "google", "medium": "cpc",
                 "utm_source": "google", "utm_medium": "cpc", "utm_campaign": "brand", "utm_content": "ad1", "utm_term": "kettle",
                 "ctCallerId": "a1b2c3", "yaClientId": "987654321"}
                """;
        String jslt = """
                let p = e164(.callerphone)
                let shown = fallback($p, .callerphone)
                {"contact": {
                   "firstName": fallback(.name, "Call from " + fallback($shown, "")),
                   "phone": $shown,
                   "email": lowercase(.email)
                 },
                 "deal": {
                   "customerComment": "Call " + string(.callId) + " to " + .phonenumber + ", " + string(.duration) + " s, " + .city,
                   "utm_source": .utm_source,
                   "utm_medium": .utm_medium,
                   "utm_campaign": .utm_campaign,
                   "utm_content": .utm_content,
                   "utm_term": .utm_term,
                   "deal_cf_calltouch_call_id": .callId,
                   "deal_cf_calltouch_site_id": .siteId
                 }}
                """;
        return new Workload("calltouch_call", "Calltouch call webhook, 24 fields → RetailCRM customer + order (phone standardised, UA)",
                null, flow, lead, jslt, Workloads::callHand);
    }

    private static JsonNode callHand(JsonNode l) {
        ObjectNode c = caller(l, true);
        ObjectNode d = F.objectNode();
        d.put("customerComment", "Call " + or(text(at(l, "callId"))) + " to " + or(text(at(l, "phonenumber"))) + ", "
                + or(text(at(l, "duration"))) + " s, " + or(text(at(l, "city"))));
        copy(d, "utm_source", at(l, "utm_source"));
        copy(d, "utm_medium", at(l, "utm_medium"));
        copy(d, "utm_campaign", at(l, "utm_campaign"));
        copy(d, "utm_content", at(l, "utm_content"));
        copy(d, "utm_term", at(l, "utm_term"));
        copy(d, "deal_cf_calltouch_call_id", at(l, "callId"));
        copy(d, "deal_cf_calltouch_site_id", at(l, "siteId"));
        return both(c, d);
    }

    // ---------------------------------------------------------------- 5. Baselinker, every field of seed 003

    static Workload seed003() {
        String flow = """
                table payments { "cod" -> "Cash on delivery", "card" -> "Card online", "transfer" -> "Bank transfer", default -> "Other" }

                flow "seed 003" {
                  from site.checkout
                  to baselinker
                  order {
                    order_status_id   <- 8011
                    custom_source_id  <- lead.source_id
                    currency          <- upper(lead.currency)
                    payment_method    <- payments[lead.payment]
                    user_comments     <- lead.comment
                    admin_comments    <- "UTM: {lead.utm.source}/{lead.utm.medium}/{lead.utm.campaign}"
                    email             <- lower(trim(lead.email))
                    phone             <- lead.phone
                    delivery_method   <- lead.delivery.method
                    delivery_price    <- lead.delivery.price
                    delivery_fullname <- "{lead.first_name} {lead.last_name}"
                    delivery_company  <- lead.delivery.company
                    delivery_address  <- lead.delivery.address
                    delivery_postcode <- lead.delivery.postcode
                    delivery_city     <- lead.delivery.city
                    delivery_state    <- lead.delivery.state
                    invoice_fullname  <- lead.invoice.fullname
                    invoice_company   <- lead.invoice.company
                    invoice_nip       <- lead.invoice.nip
                    invoice_address   <- lead.invoice.address
                    invoice_postcode  <- lead.invoice.postcode
                    invoice_city      <- lead.invoice.city
                    invoice_state     <- lead.invoice.state
                    extra_field_1     <- lead.order_id
                    extra_field_2     <- lead.site
                    deal_cf_4117      <- lead.utm.source
                    deal_cf_4118      <- lead.utm.campaign
                  }
                  products from lead.items as item {
                    storage      <- "db"
                    sku          <- item.sku
                    name         <- item.title
                    price_brutto <- item.price
                    quantity     <- item.qty
                    tax_rate     <- 23
                  }
                }
                """;
        String lead = """
                {"order_id": "CHK-20250301-17", "site": "shop.example.pl", "source_id": 1024, "currency": "pln", "payment": "card",
                 "comment": "Proszę dzwonić po 17:00", "email": "  Anna.Kowalska@Example.PL ", "phone": "+48 601 234 567",
                 "first_name": "Anna", "last_name": "Kowalska",
                 "delivery": {"method": "InPost Paczkomat", "price": 12.99, "company": "Kowalska Design", "address": "ul. Długa 5/3",
                              "postcode": "00-238", "city": "Warszawa", "state": "mazowieckie"},
                 "invoice": {"fullname": "Anna Kowalska", "company": "Kowalska Design", "nip": "5260250274", "address": "ul. Długa 5/3",
                             "postcode": "00-238", "city": "Warszawa", "state": "mazowieckie"},
                 "utm": {"source": "instagram", "medium": "cpc", "campaign": "spring_sale"},
                 "items": [{"sku": "MUG-1", "title": "Kubek ceramiczny 330 ml", "price": 39.9, "qty": 2},
                           {"sku": "TSH-42", "title": "Koszulka bawełniana", "price": 24.5, "qty": 1},
                           {"sku": "BAG-7", "title": "Torba", "price": 59, "qty": 1}]}
                """;
        String jslt = """
                let payments = {"cod": "Cash on delivery", "card": "Card online", "transfer": "Bank transfer"}
                {"deal": {
                  "order_status_id": 8011,
                  "custom_source_id": .source_id,
                  "currency": uppercase(.currency),
                  "payment_method": get-key($payments, string(.payment), "Other"),
                  "user_comments": .comment,
                  "admin_comments": "UTM: " + .utm.source + "/" + .utm.medium + "/" + .utm.campaign,
                  "email": lowercase(trim(.email)),
                  "phone": .phone,
                  "delivery_method": .delivery.method,
                  "delivery_price": .delivery.price,
                  "delivery_fullname": .first_name + " " + .last_name,
                  "delivery_company": .delivery.company,
                  "delivery_address": .delivery.address,
                  "delivery_postcode": .delivery.postcode,
                  "delivery_city": .delivery.city,
                  "delivery_state": .delivery.state,
                  "invoice_fullname": .invoice.fullname,
                  "invoice_company": .invoice.company,
                  "invoice_nip": .invoice.nip,
                  "invoice_address": .invoice.address,
                  "invoice_postcode": .invoice.postcode,
                  "invoice_city": .invoice.city,
                  "invoice_state": .invoice.state,
                  "extra_field_1": .order_id,
                  "extra_field_2": .site,
                  "deal_cf_4117": .utm.source,
                  "deal_cf_4118": .utm.campaign,
                  "products": [for (.items) {"storage": "db", "sku": .sku, "name": .title, "price_brutto": .price, "quantity": .qty,
                                             "tax_rate": 23}]
                }}
                """;
        return new Workload("baselinker_seed003", "checkout → Baselinker order with every field seed 003 lists (27) + 3 products",
                null, flow, lead, jslt, l -> {
                    ObjectNode d = F.objectNode();
                    d.put("order_status_id", 8011);
                    copy(d, "custom_source_id", at(l, "source_id"));
                    put(d, "currency", upper(text(at(l, "currency"))));
                    String pay = text(at(l, "payment"));
                    d.put("payment_method", pay == null ? "Other" : switch (pay) {
                        case "cod" -> "Cash on delivery"; case "card" -> "Card online"; case "transfer" -> "Bank transfer"; default -> "Other"; });
                    copy(d, "user_comments", at(l, "comment"));
                    JsonNode utm = at(l, "utm");
                    d.put("admin_comments", "UTM: " + or(text(at(utm, "source"))) + "/" + or(text(at(utm, "medium"))) + "/"
                            + or(text(at(utm, "campaign"))));
                    put(d, "email", lower(trim(text(at(l, "email")))));
                    copy(d, "phone", at(l, "phone"));
                    JsonNode del = at(l, "delivery");
                    copy(d, "delivery_method", at(del, "method"));
                    copy(d, "delivery_price", at(del, "price"));
                    d.put("delivery_fullname", or(text(at(l, "first_name"))) + " " + or(text(at(l, "last_name"))));
                    copy(d, "delivery_company", at(del, "company"));
                    copy(d, "delivery_address", at(del, "address"));
                    copy(d, "delivery_postcode", at(del, "postcode"));
                    copy(d, "delivery_city", at(del, "city"));
                    copy(d, "delivery_state", at(del, "state"));
                    JsonNode inv = at(l, "invoice");
                    copy(d, "invoice_fullname", at(inv, "fullname"));
                    copy(d, "invoice_company", at(inv, "company"));
                    copy(d, "invoice_nip", at(inv, "nip"));
                    copy(d, "invoice_address", at(inv, "address"));
                    copy(d, "invoice_postcode", at(inv, "postcode"));
                    copy(d, "invoice_city", at(inv, "city"));
                    copy(d, "invoice_state", at(inv, "state"));
                    copy(d, "extra_field_1", at(l, "order_id"));
                    copy(d, "extra_field_2", at(l, "site"));
                    copy(d, "deal_cf_4117", at(utm, "source"));
                    copy(d, "deal_cf_4118", at(utm, "campaign"));
                    ArrayNode ps = d.putArray("products");
                    JsonNode items = at(l, "items");
                    if (items != null && items.isArray()) {
                        for (JsonNode item : items) {
                            ObjectNode p = ps.addObject();
                            p.put("storage", "db");
                            copy(p, "sku", at(item, "sku"));
                            copy(p, "name", at(item, "title"));
                            copy(p, "price_brutto", at(item, "price"));
                            copy(p, "quantity", at(item, "qty"));
                            p.put("tax_rate", 23);
                        }
                    }
                    return wrap("deal", d);
                });
    }

    // ---------------------------------------------------------------- 6. templates and tables

    static Workload templatesTables() {
        String flow = """
                template full(first, last) = "{first} {last}"
                template addr(street, city, post) = "{street}, {post} {city}"
                template tag(k, v) = "{k}={v}"
                table payments { "cod" -> "Cash on delivery", "card" -> "Card online", "transfer" -> "Bank transfer", "blik" -> "BLIK", default -> "Other" }
                table carriers { "inpost" -> "InPost Paczkomat", "dpd" -> "DPD", "dhl" -> "DHL", "pp" -> "Poczta Polska", default -> "Courier" }
                table statuses { "new" -> 8011, "paid" -> 8012, "sent" -> 8013, default -> 8010 }
                table sources { "instagram" -> 1024, "google" -> 1025, "facebook" -> 1026, default -> 1023 }

                flow "templates and tables" {
                  from site.checkout
                  to baselinker
                  order {
                    order_status_id   <- statuses[lead.status]
                    custom_source_id  <- sources[lead.utm.source]
                    payment_method    <- payments[lead.payment]
                    delivery_method   <- carriers[lead.carrier]
                    delivery_fullname <- full(lead.first_name, lead.last_name)
                    invoice_fullname  <- full(upper(lead.last_name), lead.first_name)
                    delivery_address  <- addr(lead.street, lead.city, lead.postcode)
                    invoice_address   <- addr(upper(lead.street), upper(lead.city), lead.postcode)
                    user_comments     <- "{full(lead.first_name, lead.last_name)} ordered {lead.count} items for {lead.total} {lead.currency}"
                    admin_comments    <- "{tag('src', lead.utm.source)}&{tag('med', lead.utm.medium)}&{tag('cmp', lead.utm.campaign)}&{tag('pay', payments[lead.payment])}"
                    extra_field_1     <- "{carriers[lead.carrier]} / {payments[lead.payment]} / {lead.city}"
                    extra_field_2     <- "Order #{lead.order_id} ({lead.site}) at {lead.created_at}"
                    deal_cf_201       <- "{lead.utm.source}/{lead.utm.medium}"
                    deal_cf_202       <- "{lead.utm.campaign}:{lead.utm.content}:{lead.utm.term}"
                  }
                }
                """;
        String lead = """
                {"order_id": 100217, "site": "shop.example.pl", "created_at": "2025-03-01T09:41:00Z", "status": "paid",
                 "payment": "blik", "carrier": "inpost", "first_name": "Anna", "last_name": "Kowalska", "street": "ul. Długa 5/3",
                 "city": "Warszawa", "postcode": "00-238", "count": 3, "total": 128.3, "currency": "PLN",
                 "utm": {"source": "facebook", "medium": "cpc", "campaign": "spring_sale", "content": "carousel_2", "term": "kubek"}}
                """;
        String jslt = """
                def full(first, last) $first + " " + $last
                def addr(street, city, post) $street + ", " + $post + " " + $city
                def tag(k, v) $k + "=" + $v
                let payments = {"cod": "Cash on delivery", "card": "Card online", "transfer": "Bank transfer", "blik": "BLIK"}
                let carriers = {"inpost": "InPost Paczkomat", "dpd": "DPD", "dhl": "DHL", "pp": "Poczta Polska"}
                let statuses = {"new": 8011, "paid": 8012, "sent": 8013}
                let sources = {"instagram": 1024, "google": 1025, "facebook": 1026}
                {"deal": {
                  "order_status_id": get-key($statuses, string(.status), 8010),
                  "custom_source_id": get-key($sources, string(.utm.source), 1023),
                  "payment_method": get-key($payments, string(.payment), "Other"),
                  "delivery_method": get-key($carriers, string(.carrier), "Courier"),
                  "delivery_fullname": full(.first_name, .last_name),
                  "invoice_fullname": full(uppercase(.last_name), .first_name),
                  "delivery_address": addr(.street, .city, .postcode),
                  "invoice_address": addr(uppercase(.street), uppercase(.city), .postcode),
                  "user_comments": full(.first_name, .last_name) + " ordered " + string(.count) + " items for " + string(.total) + " " + .currency,
                  "admin_comments": tag("src", .utm.source) + "&" + tag("med", .utm.medium) + "&" + tag("cmp", .utm.campaign) + "&"
                                    + tag("pay", get-key($payments, string(.payment), "Other")),
                  "extra_field_1": get-key($carriers, string(.carrier), "Courier") + " / " + get-key($payments, string(.payment), "Other") + " / " + .city,
                  "extra_field_2": "Order #" + string(.order_id) + " (" + .site + ") at " + .created_at,
                  "deal_cf_201": .utm.source + "/" + .utm.medium,
                  "deal_cf_202": .utm.campaign + ":" + .utm.content + ":" + .utm.term
                }}
                """;
        return new Workload("templates_tables", "checkout → Baselinker order, 14 fields all templates (3 user templates) and 4 tables",
                null, flow, lead, jslt, l -> {
                    String first = or(text(at(l, "first_name")));
                    String last = or(text(at(l, "last_name")));
                    String street = text(at(l, "street"));
                    String city = text(at(l, "city"));
                    String post = or(text(at(l, "postcode")));
                    JsonNode utm = at(l, "utm");
                    String src = text(at(utm, "source"));
                    String pay = payment(text(at(l, "payment")));
                    String carrier = carrier(text(at(l, "carrier")));
                    ObjectNode d = F.objectNode();
                    String status = text(at(l, "status"));
                    d.put("order_status_id", "new".equals(status) ? 8011 : "paid".equals(status) ? 8012 : "sent".equals(status) ? 8013 : 8010);
                    d.put("custom_source_id", "instagram".equals(src) ? 1024 : "google".equals(src) ? 1025 : "facebook".equals(src) ? 1026 : 1023);
                    d.put("payment_method", pay);
                    d.put("delivery_method", carrier);
                    d.put("delivery_fullname", first + " " + last);
                    d.put("invoice_fullname", or(upper(text(at(l, "last_name")))) + " " + first);
                    d.put("delivery_address", or(street) + ", " + post + " " + or(city));
                    d.put("invoice_address", or(upper(street)) + ", " + post + " " + or(upper(city)));
                    d.put("user_comments", first + " " + last + " ordered " + or(text(at(l, "count"))) + " items for "
                            + or(text(at(l, "total"))) + " " + or(text(at(l, "currency"))));
                    d.put("admin_comments", "src=" + or(src) + "&med=" + or(text(at(utm, "medium"))) + "&cmp="
                            + or(text(at(utm, "campaign"))) + "&pay=" + pay);
                    d.put("extra_field_1", carrier + " / " + pay + " / " + or(city));
                    d.put("extra_field_2", "Order #" + or(text(at(l, "order_id"))) + " (" + or(text(at(l, "site"))) + ") at "
                            + or(text(at(l, "created_at"))));
                    d.put("deal_cf_201", or(src) + "/" + or(text(at(utm, "medium"))));
                    d.put("deal_cf_202", or(text(at(utm, "campaign"))) + ":" + or(text(at(utm, "content"))) + ":" + or(text(at(utm, "term"))));
                    return wrap("deal", d);
                });
    }

    private static String payment(String key) {
        if (key == null) return "Other";
        return switch (key) {
            case "cod" -> "Cash on delivery"; case "card" -> "Card online"; case "transfer" -> "Bank transfer"; case "blik" -> "BLIK";
            default -> "Other";
        };
    }

    private static String carrier(String key) {
        if (key == null) return "Courier";
        return switch (key) {
            case "inpost" -> "InPost Paczkomat"; case "dpd" -> "DPD"; case "dhl" -> "DHL"; case "pp" -> "Poczta Polska"; default -> "Courier";
        };
    }

    // ---------------------------------------------------------------- 7. deep paths, most of them missing

    private static final String[][] DEEP = {
            {"email", "customer", "contact", "email", "primary"},
            {"phone", "customer", "contact", "phone", "mobile"},
            {"delivery_fullname", "customer", "profile", "name", "full"},
            {"delivery_company", "customer", "profile", "company", "name"},
            {"delivery_address", "shipping", "address", "lines", "first"},
            {"delivery_postcode", "shipping", "address", "postal", "code"},
            {"delivery_city", "shipping", "address", "city", "name"},
            {"delivery_state", "shipping", "address", "region", "name"},
            {"delivery_country_code", "shipping", "address", "country", "code"},
            {"invoice_fullname", "billing", "contact", "name", "full"},
            {"invoice_company", "billing", "company", "legal", "name"},
            {"invoice_nip", "billing", "company", "tax", "id"},
            {"invoice_address", "billing", "address", "lines", "first"},
            {"invoice_postcode", "billing", "address", "postal", "code"},
            {"invoice_city", "billing", "address", "city", "name"},
            {"invoice_state", "billing", "address", "region", "name"},
            {"user_comments", "meta", "notes", "customer", "text"},
            {"admin_comments", "meta", "notes", "admin", "text"},
            {"delivery_method", "shipping", "method", "carrier", "name"},
            {"delivery_price", "shipping", "method", "price", "gross"},
            {"extra_field_1", "meta", "tracking", "session", "id"},
            {"extra_field_2", "meta", "tracking", "referrer", "url"},
    };

    static Workload deepMissing() {
        StringBuilder flow = new StringBuilder("flow \"deep paths\" {\n  from site.checkout\n  to baselinker\n  order {\n");
        StringBuilder jslt = new StringBuilder("{\"deal\": {\n");
        for (int i = 0; i < DEEP.length; i++) {
            String[] d = DEEP[i];
            String path = String.join(".", java.util.Arrays.copyOfRange(d, 1, d.length));
            flow.append("    ").append(d[0]).append(" <- lead.").append(path).append('\n');
            jslt.append("  \"").append(d[0]).append("\": .").append(path).append(i + 1 < DEEP.length ? ",\n" : "\n");
        }
        flow.append("  }\n}\n");
        jslt.append("}}\n");
        // 6 of 22 paths present; the others stop at every depth: a missing root, a missing middle, a null, a text where an object was expected
        String lead = """
                {"customer": {"contact": {"email": {"primary": "anna@example.pl"}, "phone": null},
                              "profile": {"name": {"full": "Anna Kowalska"}, "company": "none"}},
                 "shipping": {"address": {"city": {"name": "Warszawa"}, "postal": {"code": "00-238"}, "lines": [], "region": null},
                              "method": {"carrier": {"name": "InPost"}}},
                 "meta": {"tracking": {"session": {"id": "s-91f2"}, "referrer": {}}, "notes": null},
                 "extra": {"a": 1, "b": [1, 2, 3], "c": {"d": {"e": "f"}}}}
                """;
        return new Workload("deep_missing", "22 paths 4-5 deep into a sparse lead: 6 present, 16 missing at every depth (left out)",
                null, flow.toString(), lead, jslt.toString(), l -> {
                    ObjectNode d = F.objectNode();
                    for (String[] p : DEEP) copy(d, p[0], at(l, java.util.Arrays.copyOfRange(p, 1, p.length)));
                    return wrap("deal", d);
                });
    }

    // ---------------------------------------------------------------- 8, 9. the examples' own flows and sample leads

    static Workload exampleSiteForm() {
        String jslt = """
                def buyer(name, phone) $name + " (" + $phone + ")"
                let payments = {"cod": {"method": "Cash on delivery", "cod": true}, "card": {"method": "Card online", "cod": false},
                                "transfer": {"method": "Bank transfer", "cod": false}}
                let other = {"method": "Other", "cod": false}
                let sources = {"instagram": 1024, "google": 1025}
                let utm = fallback(.utm, {})
                let pay = get-key($payments, string(.payment), $other)
                let invoice = fallback(.invoice, {})
                {"deal": {
                  "order_status_id": 8011,
                  "custom_source_id": get-key($sources, lowercase($utm.utm_source), 1023),
                  "date_add": round(parse-time(.created_at, "yyyy-MM-dd'T'HH:mm:ssX")),
                  "currency": uppercase(fallback(.currency, "pln")),
                  "payment_method": $pay.method,
                  "payment_method_cod": $pay.cod,
                  "paid": .paid == true or .paid == 1 or .paid == "1" or .paid == "true" or .paid == "yes",
                  "email": lowercase(trim(.email)),
                  "phone": replace(.phone, "[^0-9]", ""),
                  "user_comments": substr(.comment, 0, 510),
                  "admin_comments": "UTM: " + $utm.utm_source + "/" + $utm.utm_medium + "/" + $utm.utm_campaign,
                  "delivery_method": substr(.delivery.method, 0, 30),
                  "delivery_price": shop-number(.delivery.price),
                  "delivery_fullname": buyer(trim(.first_name + " " + .last_name), .phone),
                  "delivery_company": substr(.company, 0, 100),
                  "delivery_address": substr(.delivery.street, 0, 156),
                  "delivery_postcode": substr(.delivery.postcode, 0, 20),
                  "delivery_city": substr(.delivery.city, 0, 100),
                  "delivery_state": substr(.delivery.state, 0, 20),
                  "delivery_country_code": uppercase(fallback(.delivery.country, "pl")),
                  "want_invoice": .invoice != null,
                  "invoice_fullname": substr($invoice.name, 0, 200),
                  "invoice_company": substr($invoice.company, 0, 200),
                  "invoice_nip": substr($invoice.nip, 0, 100),
                  "invoice_address": substr($invoice.street, 0, 250),
                  "invoice_postcode": substr($invoice.postcode, 0, 20),
                  "invoice_city": substr($invoice.city, 0, 100),
                  "invoice_state": substr($invoice.state, 0, 20),
                  "invoice_country_code": uppercase($invoice.country),
                  "deal_cf_4117": $utm.utm_source,
                  "deal_cf_4118": $utm.utm_campaign,
                  "extra_field_1": format-time(parse-time(.created_at, "yyyy-MM-dd'T'HH:mm:ssX"), "dd.MM.yyyy HH:mm", "Europe/Warsaw"),
                  "products": [for (.items) {"storage": "db", "storage_id": 0, "sku": .sku, "name": .title,
                                             "price_brutto": shop-number(.price), "tax_rate": 23, "quantity": floor(fallback(.qty, 1))}]
                }}
                """;
        java.time.format.DateTimeFormatter warsaw = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .withZone(java.time.ZoneId.of("Europe/Warsaw"));
        return new Workload("example_site_form", "examples/site-form-baselinker/orders.flow on its lead.json (tables of objects, dates, numbers)",
                "examples/site-form-baselinker/orders.flow", null, "examples/site-form-baselinker/lead.json", jslt, l -> {
                    JsonNode utm = at(l, "utm");
                    if (utm == null) utm = F.objectNode();
                    ObjectNode d = F.objectNode();
                    d.put("order_status_id", 8011);
                    String src = lower(text(at(utm, "utm_source")));
                    d.put("custom_source_id", "instagram".equals(src) ? 1024 : "google".equals(src) ? 1025 : 1023);
                    String created = text(at(l, "created_at"));
                    java.time.Instant t = created == null ? null : java.time.OffsetDateTime.parse(created).toInstant();
                    if (t != null) d.put("date_add", t.getEpochSecond());
                    String cur = text(at(l, "currency"));
                    d.put("currency", upper(cur == null ? "pln" : cur));
                    String pay = text(at(l, "payment"));
                    d.put("payment_method", pay == null ? "Other" : switch (pay) {
                        case "cod" -> "Cash on delivery"; case "card" -> "Card online"; case "transfer" -> "Bank transfer"; default -> "Other"; });
                    d.put("payment_method_cod", "cod".equals(pay));
                    JsonNode paid = at(l, "paid");
                    d.put("paid", paid != null && (paid.isBoolean() ? paid.booleanValue()
                            : paid.isNumber() ? paid.asDouble() == 1 : java.util.Set.of("1", "true", "yes").contains(paid.asText())));
                    put(d, "email", lower(trim(text(at(l, "email")))));
                    String phone = text(at(l, "phone"));
                    if (phone != null) d.put("phone", phone.replaceAll("[^0-9]", ""));
                    put(d, "user_comments", cut(text(at(l, "comment")), 510));
                    d.put("admin_comments", "UTM: " + or(text(at(utm, "utm_source"))) + "/" + or(text(at(utm, "utm_medium"))) + "/"
                            + or(text(at(utm, "utm_campaign"))));
                    JsonNode del = at(l, "delivery");
                    put(d, "delivery_method", cut(text(at(del, "method")), 30));
                    putNumber(d, "delivery_price", number(at(del, "price")));
                    d.put("delivery_fullname", (or(text(at(l, "first_name"))) + " " + or(text(at(l, "last_name")))).strip() + " (" + or(phone) + ")");
                    put(d, "delivery_company", cut(text(at(l, "company")), 100));
                    put(d, "delivery_address", cut(text(at(del, "street")), 156));
                    put(d, "delivery_postcode", cut(text(at(del, "postcode")), 20));
                    put(d, "delivery_city", cut(text(at(del, "city")), 100));
                    put(d, "delivery_state", cut(text(at(del, "state")), 20));
                    String country = text(at(del, "country"));
                    d.put("delivery_country_code", upper(country == null ? "pl" : country));
                    JsonNode inv = at(l, "invoice");
                    d.put("want_invoice", inv != null);
                    put(d, "invoice_fullname", cut(text(at(inv, "name")), 200));
                    put(d, "invoice_company", cut(text(at(inv, "company")), 200));
                    put(d, "invoice_nip", cut(text(at(inv, "nip")), 100));
                    put(d, "invoice_address", cut(text(at(inv, "street")), 250));
                    put(d, "invoice_postcode", cut(text(at(inv, "postcode")), 20));
                    put(d, "invoice_city", cut(text(at(inv, "city")), 100));
                    put(d, "invoice_state", cut(text(at(inv, "state")), 20));
                    put(d, "invoice_country_code", upper(text(at(inv, "country"))));
                    copy(d, "deal_cf_4117", at(utm, "utm_source"));
                    copy(d, "deal_cf_4118", at(utm, "utm_campaign"));
                    if (t != null) d.put("extra_field_1", warsaw.format(t));
                    ArrayNode ps = d.putArray("products");
                    JsonNode items = at(l, "items");
                    if (items != null && items.isArray()) {
                        for (JsonNode item : items) {
                            ObjectNode p = ps.addObject();
                            p.put("storage", "db");
                            p.put("storage_id", 0);
                            copy(p, "sku", at(item, "sku"));
                            copy(p, "name", at(item, "title"));
                            putNumber(p, "price_brutto", number(at(item, "price")));
                            p.put("tax_rate", 23);
                            JsonNode q = at(item, "qty");
                            putNumber(p, "quantity", q == null ? java.math.BigDecimal.ONE
                                    : number(q).setScale(0, java.math.RoundingMode.DOWN));
                        }
                    }
                    return wrap("deal", d);
                });
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    static Workload exampleCalltouch() {
        // The example reads callers as RU (seed 002 is a Russian-market integration); an invalid
        // number goes on as given, and the order carries the example's ct_* custom fields.
        String jslt = """
                let p = e164-ru(.callerphone)
                let shown = fallback($p, .callerphone)
                {"contact": {
                   "firstName": fallback(.name, "Звонок от " + fallback($shown, "")),
                   "phone": $shown,
                   "email": .email
                 },
                 "deal": {
                   "deal_cf_ct_site_id": .siteId,
                   "deal_cf_ct_call_id": .callId,
                   "utm_source": .utm_source,
                   "utm_medium": .utm_medium,
                   "utm_campaign": .utm_campaign,
                   "utm_content": .utm_content,
                   "utm_term": .utm_term
                 }}
                """;
        return new Workload("example_calltouch", "examples/calltouch-retailcrm/calls.flow on its call.json (phone standardised, RU)",
                "examples/calltouch-retailcrm/calls.flow", null, "examples/calltouch-retailcrm/call.json", jslt, l -> {
                    String raw = text(at(l, "callerphone"));
                    String e = Hand.e164Ru(raw);
                    String shown = e != null ? e : raw;
                    ObjectNode c = F.objectNode();
                    JsonNode name = at(l, "name");
                    if (name != null) c.set("firstName", name); else c.put("firstName", "Звонок от " + or(shown));
                    put(c, "phone", shown);
                    copy(c, "email", at(l, "email"));
                    ObjectNode d = F.objectNode();
                    copy(d, "deal_cf_ct_site_id", at(l, "siteId"));
                    copy(d, "deal_cf_ct_call_id", at(l, "callId"));
                    for (String u : new String[] {"utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"}) {
                        copy(d, u, at(l, u));
                    }
                    return both(c, d);
                });
    }

    /** A file of the repository (examples/…), found from the working directory or its parent (the module's). */
    static String read(String path) {
        for (Path p : List.of(Path.of(path), Path.of("..").resolve(path), Path.of(System.getProperty("leadflow.root", ".")).resolve(path))) {
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(path + " not found: run from the repository root or set -Dleadflow.root=<repo>");
    }
}
