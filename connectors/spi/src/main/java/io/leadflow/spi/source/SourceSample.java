package io.leadflow.spi.source;

import java.util.Objects;

/**
 * One lead as the source system sends it to the intake, for the start-up banner's {@code curl}
 * and the docs: the body exactly as posted and its content type (Horoshop and KeyCRM post JSON,
 * Calltouch's webhooks are form-encoded). Its fields are the kind's {@link SourceKind#payload()}
 * names ({@code SourceSampleTest} checks that), with values a flow of that market can take (a
 * Russian caller for Calltouch, a Ukrainian buyer for Horoshop).
 *
 * @param contentType the {@code Content-Type} the sender uses
 * @param body        the body as sent
 */
public record SourceSample(String contentType, String body) {
    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public SourceSample {
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(body);
    }

    public static SourceSample json(String body) {
        return new SourceSample(JSON, body);
    }

    /** A form-encoded body of these {@code {name, value}} pairs, in order, each URL-encoded (UTF-8). */
    public static SourceSample form(String[][] pairs) {
        StringBuilder b = new StringBuilder();
        for (String[] p : pairs) {
            if (b.length() > 0) b.append('&');
            b.append(java.net.URLEncoder.encode(p[0], java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(p[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return new SourceSample(FORM, b.toString());
    }
}
