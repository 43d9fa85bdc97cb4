package io.leadflow.runtime.it;

import io.leadflow.connector.calltouch.CalltouchFactory;
import io.leadflow.connector.calltouch.emulator.CalltouchEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link KillDuringPullContract} for the Calltouch calls journal: N calls spread over the 50 days
 * before today (Moscow), read from {@code since} one whole day a read (each read 80 ms late), so
 * a backfill takes 50 reads and the cursor ({@code {day, seen}}) moves 50 times.
 */
class CalltouchKillDuringPullIT extends KillDuringPullContract {
    private static final int DAYS = 50;
    private CalltouchEmulator emulator;
    private LocalDate since;

    @Override
    protected Set<String> fill(Vertx vertx, int n) throws Exception {
        emulator = new CalltouchFactory().startEmulator(vertx, 0).await();
        since = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(DAYS);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            LocalDate day = since.plusDays(i % DAYS);
            ids.add(String.valueOf(emulator.data().addCall("7915" + String.format("%07d", i), day.atTime(9, 0).plusSeconds(i))));
        }
        emulator.faults().apply(new JsonObject().put("delayMs", 80));
        return ids;
    }

    @Override
    protected String flow() {
        return pulledFlow("calltouch.calls(account: \"shop\", poll: \"1s\", since: \"" + since + "\")", "lead.callerNumber");
    }

    @Override
    protected String account() {
        return "crm.calltouch.shop.base_url=http://127.0.0.1:" + emulator.port() + "\n"
                + "crm.calltouch.shop.api_key=" + CalltouchEmulator.TEST_KEY + "\n"
                + "crm.calltouch.shop.setting.site_id=" + CalltouchEmulator.SITE_ID + "\n"
                + "crm.calltouch.shop.setting.rate_limit=100/1s\n";
    }

    @Override
    protected String name() {
        return "Calltouch calls journal";
    }
}
