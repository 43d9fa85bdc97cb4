package io.leadflow.runtime.config;

import java.util.List;

/**
 * How one intake source (a flow, by slug) authenticates, and its rate.
 *
 * @param slug      the flow's slug ({@code horoshop-orders})
 * @param tokens    accepted bearer tokens (several while one is rotated out)
 * @param hmac      accepted Standard Webhooks secrets ({@code whsec_…} or raw)
 * @param rate      requests per second, or null for the default
 */
public record SourceSecrets(String slug, List<String> tokens, List<String> hmac, Double rate) {
    public SourceSecrets {
        tokens = List.copyOf(tokens);
        hmac = List.copyOf(hmac);
    }

    public boolean configured() {
        return !tokens.isEmpty() || !hmac.isEmpty();
    }

    @Override
    public String toString() {
        return "SourceSecrets[" + slug + " tokens=" + tokens.size() + " hmac=" + hmac.size() + " rate=" + rate + "]";
    }
}
