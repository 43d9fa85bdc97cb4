package io.leadflow.connector.calltouch;

import static io.leadflow.spi.FieldType.*;
import static io.leadflow.spi.source.Confidence.UNCONFIRMED;
import static io.leadflow.spi.source.PayloadField.of;

import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import io.leadflow.spi.source.SenderAuth;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.SourceDescriptorProvider;
import io.leadflow.spi.source.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calltouch as a lead source (shared crm-apis section 7, seed 002). Its webhooks send the
 * parameters the user ticks in the cabinet, under names the reference could not list [U]: the
 * webhook kinds declare the names Leadflow's examples use, all unconfirmed, and a flow declares
 * any other parameter its webhook sends with {@code fields …}. Event ids: {@code callId} and
 * {@code requestId} (the journals' keys [P]).
 */
public final class CalltouchSources implements SourceDescriptorProvider {

    private static List<PayloadField> common() {
        List<PayloadField> f = new ArrayList<>();
        for (String n : List.of("siteId", "name", "email", "city", "hostname", "url", "ref", "source", "medium",
                "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "keyword", "ctCallerId", "yaClientId")) {
            f.add(of(n, n.equals("email") ? EMAIL : n.equals("siteId") ? ANY : STRING, UNCONFIRMED));
        }
        return f;
    }

    private static PayloadSchema schema(PayloadField... own) {
        List<PayloadField> f = new ArrayList<>(List.of(own));
        f.addAll(common());
        return PayloadSchema.closed(f.toArray(PayloadField[]::new));
    }

    /** A call webhook [U: parameter names]. */
    public static final PayloadSchema CALL_WEBHOOK = schema(of("callId", ANY, UNCONFIRMED), of("callerphone", PHONE, UNCONFIRMED),
            of("phonenumber", PHONE, UNCONFIRMED), of("callphase", STRING, UNCONFIRMED), of("duration", NUMBER, UNCONFIRMED),
            of("successful", ANY, UNCONFIRMED), of("unique", ANY, UNCONFIRMED), of("targetcall", ANY, UNCONFIRMED),
            of("timestamp", ANY, UNCONFIRMED), of("calltime", STRING, UNCONFIRMED));

    /** A request (form, callback order, chat) webhook [U: parameter names]. */
    public static final PayloadSchema REQUEST_WEBHOOK = schema(of("requestId", ANY, UNCONFIRMED),
            of("requestNumber", STRING, UNCONFIRMED), of("subject", STRING, UNCONFIRMED), of("phone", PHONE, UNCONFIRMED),
            of("comment", TEXT, UNCONFIRMED), of("timestamp", ANY, UNCONFIRMED));

    static final List<ArgSpec> ARGS = List.of(ArgSpec.account());

    public static final SourceDescriptor DESCRIPTOR = SourceDescriptor.of("calltouch", "Calltouch",
            new SourceKind("calls", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, ARGS, CALL_WEBHOOK, List.of("callId"),
                    Duration.ofDays(1), "a call webhook (form-encoded; parameter names chosen in the cabinet, unconfirmed)"),
            new SourceKind("requests", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, ARGS, REQUEST_WEBHOOK, List.of("requestId"),
                    Duration.ofDays(1), "a request (form, chat) webhook (parameter names chosen in the cabinet, unconfirmed)"));

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
