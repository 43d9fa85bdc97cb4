package io.leadflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shared workload: a 30-field checkout lead with UTM marks and 5 items, and the same
 * mapping to a Baselinker order written three ways (Leadflow, JSLT, Java over Jackson).
 */
public final class Fixture {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixture() { }

    public static ObjectNode lead() {
        ObjectNode l = JSON.createObjectNode();
        l.put("order_id", 100_217).put("site", "shop.example.pl").put("created_at", "2025-03-01T09:41:00Z")
                .put("first_name", "Anna").put("last_name", "Kowalska").put("email", "  Anna.Kowalska@Example.PL ")
                .put("phone", "+48 601 234 567").put("currency", "pln").put("payment", "cod").put("paid", false)
                .put("comment", "Proszę dzwonić po 17:00").put("source_id", 1024).put("delivery_method", "InPost Paczkomat")
                .put("delivery_price", 12.99).put("address", "ul. Długa 5/3").put("postcode", "00-238").put("city", "Warszawa")
                .put("country", "pl").put("company", "Kowalska Design").put("nip", "5260250274").put("status", "new")
                .put("manager", 101).put("ip", "203.0.113.7").put("user_agent", "Mozilla/5.0").put("referrer", "https://instagram.com/")
                .put("language", "pl").put("coupon", "SPRING10").put("total", 128.3).put("discount", 10);
        l.putObject("utm").put("utm_source", "instagram").put("utm_medium", "cpc").put("utm_campaign", "spring_sale")
                .put("utm_content", "carousel_2").put("utm_term", "kubek");
        ArrayNode items = l.putArray("items");
        for (int i = 1; i <= 5; i++) {
            items.addObject().put("sku", "SKU-" + i).put("title", "Product number " + i).put("price", 9.9 * i).put("qty", i)
                    .put("weight", 0.25 * i);
        }
        return l;
    }

    public static final String LEADFLOW = """
            template buyer(name, phone) = "{name} ({phone})"
            table payments { "cod" -> "Cash on delivery", "card" -> "Card online", "transfer" -> "Bank transfer", default -> "Other" }

            flow "bench" {
              from site.checkout
              to baselinker
              order {
                order_status_id   <- 8451
                custom_source_id  <- lead.source_id
                currency          <- upper(lead.currency)
                payment_method    <- payments[lead.payment]
                paid              <- lead.paid
                email             <- lower(trim(lead.email))
                phone             <- lead.phone
                user_comments     <- lead.comment
                admin_comments    <- "UTM: {lead.utm.utm_source}/{lead.utm.utm_medium}/{lead.utm.utm_campaign}"
                delivery_method   <- lead.delivery_method
                delivery_price    <- lead.delivery_price
                delivery_fullname <- buyer("{lead.first_name} {lead.last_name}", lead.phone)
                delivery_address  <- lead.address
                delivery_postcode <- lead.postcode
                delivery_city     <- lead.city
                delivery_country_code <- upper(lead.country)
                invoice_company   <- lead.company
                invoice_nip       <- lead.nip
                deal_cf_101       <- lead.utm.utm_source
                deal_cf_102       <- lead.utm.utm_medium
                deal_cf_103       <- lead.utm.utm_campaign
                deal_cf_104       <- lead.utm.utm_content
                deal_cf_105       <- lead.utm.utm_term
                deal_cf_106       <- "Order {lead.order_id} from {lead.site}"
              }
              products from lead.items as item {
                sku          <- item.sku
                name         <- item.title
                price_brutto <- item.price
                quantity     <- item.qty
                weight       <- item.weight
                tax_rate     <- 23
              }
            }
            """;

    public static final String JSLT = """
            def buyer(name, phone) $name + " (" + $phone + ")"
            let payments = {"cod": "Cash on delivery", "card": "Card online", "transfer": "Bank transfer"}
            {"deal": {
              "order_status_id": 8451,
              "custom_source_id": .source_id,
              "currency": uppercase(.currency),
              "payment_method": get-key($payments, .payment, "Other"),
              "paid": .paid,
              "email": lowercase(trim(.email)),
              "phone": .phone,
              "user_comments": .comment,
              "admin_comments": "UTM: " + .utm.utm_source + "/" + .utm.utm_medium + "/" + .utm.utm_campaign,
              "delivery_method": .delivery_method,
              "delivery_price": .delivery_price,
              "delivery_fullname": buyer(.first_name + " " + .last_name, .phone),
              "delivery_address": .address,
              "delivery_postcode": .postcode,
              "delivery_city": .city,
              "delivery_country_code": uppercase(.country),
              "invoice_company": .company,
              "invoice_nip": .nip,
              "deal_cf_101": .utm.utm_source,
              "deal_cf_102": .utm.utm_medium,
              "deal_cf_103": .utm.utm_campaign,
              "deal_cf_104": .utm.utm_content,
              "deal_cf_105": .utm.utm_term,
              "deal_cf_106": "Order " + string(.order_id) + " from " + .site,
              "products": [for (.items) {
                "sku": .sku, "name": .title, "price_brutto": .price, "quantity": .qty, "weight": .weight, "tax_rate": 23
              }]
            }}
            """;

    /** What all three must produce (checked at set-up, so no contestant wins by doing less). */
    public static JsonNode expected() {
        return HandMapper.map(lead());
    }
}
