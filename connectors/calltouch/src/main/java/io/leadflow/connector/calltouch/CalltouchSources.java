package io.leadflow.connector.calltouch;

import static io.leadflow.spi.FieldType.*;
import static io.leadflow.spi.source.Confidence.PARTLY;
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
import io.leadflow.spi.source.SourceSample;
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
 *
 * <p>With {@code poll} the same kinds are read from the journals instead ({@code CalltouchConnector.pull}):
 * a pulled call has the calls journal's field names ([P], crm-apis §7); a pulled request has
 * {@code requestId} [P] and otherwise fields the reference does not name [U], so its schema is open.
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

    /** A call as the calls journal lists it ({@code calls-diary/calls}) [P: field names seen]. */
    public static final PayloadSchema CALL_JOURNAL = PayloadSchema.closed(of("callId", ANY, PARTLY), of("date", STRING, PARTLY),
            of("phoneNumber", PHONE, PARTLY), of("callerNumber", PHONE, PARTLY), of("duration", NUMBER, PARTLY),
            of("waitingConnect", NUMBER, PARTLY), of("successful", ANY, PARTLY), of("uniqueCall", ANY, PARTLY),
            of("uniqTargetCall", ANY, PARTLY), of("callbackCall", ANY, PARTLY), of("source", STRING, PARTLY),
            of("medium", STRING, PARTLY), of("utmSource", STRING, PARTLY), of("utmMedium", STRING, PARTLY),
            of("utmCampaign", ANY, PARTLY), of("utmContent", STRING, PARTLY), of("keyword", STRING, PARTLY),
            of("city", STRING, PARTLY), of("ctCallerId", ANY, PARTLY), of("yaClientId", ANY, PARTLY),
            of("sipCallId", STRING, PARTLY), of("callUrl", STRING, PARTLY));

    /** A request as the requests journal lists it: only {@code requestId} is known [P]; open, the rest is [U]. */
    public static final PayloadSchema REQUEST_JOURNAL = new PayloadSchema(
            java.util.Map.of("requestId", of("requestId", ANY, PARTLY)), true);

    private static final ArgSpec POLL = ArgSpec.optional("poll", ArgSpec.Type.DURATION,
            "read the journal at this interval instead of taking webhooks (whole days, paged); without it the kind is pushed to the intake");
    private static final ArgSpec SINCE = ArgSpec.optional("since", ArgSpec.Type.DATE,
            "pulled: the first day a new cursor reads (backfill, journal time); default: today");

    static final List<ArgSpec> ARGS = List.of(ArgSpec.account(), POLL, SINCE, ArgSpec.maxBackoff());

    public static final SourceDescriptor DESCRIPTOR = SourceDescriptor.of("calltouch", "Calltouch",
            new SourceKind("calls", Set.of(Arrival.WEBHOOK, Arrival.PULL), SenderAuth.INTAKE_TOKEN, ARGS, CALL_WEBHOOK, List.of("callId"),
                    Duration.ofDays(1), "a call webhook (form-encoded; parameter names chosen in the cabinet, unconfirmed),"
                    + " or with poll a record of the calls journal", CALL_JOURNAL)
                    .withSample(SourceSample.form(new String[][] {{"callId", "90001"}, {"siteId", "77"}, {"callerphone", "79157771122"},
                            {"phonenumber", "74951234567"}, {"callphase", "calldisconnected"}, {"duration", "95"}, {"successful", "true"},
                            {"unique", "true"}, {"targetcall", "true"}, {"timestamp", "1772360100"}, {"utm_source", "yandex"},
                            {"utm_medium", "cpc"}, {"utm_campaign", "brand"}})),
            new SourceKind("requests", Set.of(Arrival.WEBHOOK, Arrival.PULL), SenderAuth.INTAKE_TOKEN, ARGS, REQUEST_WEBHOOK,
                    List.of("requestId"), Duration.ofDays(1), "a request (form, chat) webhook (parameter names chosen in the cabinet,"
                    + " unconfirmed), or with poll a record of the requests journal", REQUEST_JOURNAL)
                    .withSample(SourceSample.form(new String[][] {{"requestId", "5001"}, {"requestNumber", "R-5001"}, {"siteId", "77"},
                            {"subject", "Обратный звонок"}, {"name", "Ирина"}, {"phone", "79161234567"}, {"email", "irina@example.ru"},
                            {"comment", "Перезвоните после 18:00"}, {"timestamp", "1772360400"}, {"utm_source", "google"}})));

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
