package io.leadflow.connector.retailcrm.emulator;

import io.vertx.ext.web.RoutingContext;

/**
 * The store a write belongs to: the {@code site} parameter; on an account with several stores a
 * write without it fails with HTTP 400 "Parameter 'site' is missing" [P: two independent projects].
 */
final class Sites {
    private Sites() { }

    /** The site code, or null when a 400 was sent. */
    static String require(RoutingContext ctx, RetailcrmData data) {
        String site = ctx.request().getParam("site");
        if (site == null || site.isBlank()) {
            if (data.sites().size() == 1) return data.sites().fieldNames().iterator().next();
            RetailcrmReplies.error(ctx, 400, "Parameter 'site' is missing");
            return null;
        }
        if (!data.sites().containsKey(site)) {
            // The real wording for an unknown store is [U].
            RetailcrmReplies.error(ctx, 400, "Site with code '" + site + "' not found");
            return null;
        }
        return site;
    }
}
