package io.leadflow.runtime.http;

import io.leadflow.runtime.security.SourceGuards;
import io.vertx.ext.web.RoutingContext;

/** Admin routes take only an admin token ({@code Authorization: Bearer …}); a source token is refused. */
final class AdminAuth {
    private final SourceGuards guards;

    AdminAuth(SourceGuards guards) {
        this.guards = guards;
    }

    /** Throws a 401 refusal unless the request carries a valid admin token. */
    void require(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (token == null) {
            throw new Refusal(401, "admin_token_missing", "the registry API needs the admin token as 'Authorization: Bearer <token>'");
        }
        if (!guards.admin().accepts(token)) {
            throw new Refusal(401, "admin_token_invalid", "the token is not an admin token (source tokens do not open the registry)");
        }
    }
}
