package io.leadflow.connector.calltouch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.calltouch.emulator.CalltouchEmulator;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.connector.source.PullBatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CalltouchConnector.pull against the emulator (whose journals read dates and pages as crm-apis §7
 * says, not as the adapter does): the calls journal backfilled day by day from {@code since},
 * a day of more than one page (1,000 records) read whole, the requests journal with its
 * month-first dates (a day after the 12th would be refused day-first), in both modes (the
 * pessimistic journals ignore paging and list newest first).
 */
class CalltouchPullTest extends EmulatorTestBase<CalltouchEmulator> {
    static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    @Override
    protected Future<CalltouchEmulator> startEmulator(Vertx vertx) {
        return new CalltouchFactory().startEmulator(vertx, 0);
    }

    private CrmConnector connector(String feed, LocalDate since) {
        AccountConfig a = emulator.account("main");
        Map<String, String> s = new HashMap<>(a.settings());
        s.put("rate_limit", "1000/1s");
        s.put("feed", feed);
        s.put("since", since.toString());
        return new CalltouchFactory().create(vertx, new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), s));
    }

    /** Reads while the feed says more, then once again (a day in progress is re-read): the ids in the order read. */
    private static List<String> drain(CrmConnector c, String idField) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 100; guard++) {
            PullBatch b = Await.result(c.pull(cursor));
            b.records().forEach(r -> ids.add(r.get(idField).asText()));
            cursor = b.cursor();
            if (!b.more()) {
                PullBatch again = Await.result(c.pull(cursor));
                assertEquals(List.of(), again.records(), "a re-read of the same day adds nothing");
                return ids;
            }
        }
        throw new AssertionError("the feed never ran dry");
    }

    @ParameterizedTest
    @EnumSource(value = EmulatorMode.class, names = {"OPTIMISTIC", "PESSIMISTIC"})
    void callsJournal_isBackfilledDayByDay_andADayOfSeveralPagesIsReadWhole(EmulatorMode mode) {
        emulator.mode(mode);
        LocalDate today = LocalDate.now(MSK);
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 3; i++) expected.add(String.valueOf(emulator.data().addCall("7915100000" + i, today.minusDays(2).atTime(9, i))));
        List<String> yesterday = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            yesterday.add(String.valueOf(emulator.data().addCall("79152" + String.format("%06d", i), today.minusDays(1).atTime(8, 0).plusSeconds(i))));
        }
        expected.addAll(yesterday);
        LocalDateTime justNow = LocalDateTime.now(MSK).withNano(0).minusSeconds(5);
        if (justNow.toLocalDate().equals(today)) expected.add(String.valueOf(emulator.data().addCall("79153000000", justNow)));
        // before since: never read
        emulator.data().addCall("79154000000", today.minusDays(3).atTime(12, 0));

        CrmConnector c = connector("calls", today.minusDays(2));
        assertTrue(c.capabilities().contains(SystemCapability.PULL));
        List<String> ids = drain(c, "callId");
        assertEquals(expected.size(), ids.size(), "every call once");
        assertEquals(expected, new TreeSet<>(ids));
        List<String> asked = emulator.received().stream().filter(r -> r.operation().endsWith("calls-diary/calls")).map(ReceivedRequest::uri).toList();
        assertTrue(asked.stream().allMatch(u -> u.contains("clientApiId=")), "clientApiId in the query: " + asked);
        if (mode == EmulatorMode.OPTIMISTIC) {
            assertTrue(asked.stream().anyMatch(u -> u.contains("page=2")), "the day of 1,205 calls takes a second page: " + asked);
        }
        // oldest first inside a day, whatever order the journal lists them in
        assertEquals(yesterday, ids.stream().filter(yesterday::contains).toList());
    }

    @ParameterizedTest
    @EnumSource(value = EmulatorMode.class, names = {"OPTIMISTIC", "PESSIMISTIC"})
    void requestsJournal_isReadWithMonthFirstDates(EmulatorMode mode) {
        emulator.mode(mode);
        LocalDate today = LocalDate.now(MSK);
        LocalDate day = today.minusDays(1);
        while (day.getDayOfMonth() <= 12) day = day.minusDays(1);   // 13th or later: dd/mm and mm/dd cannot both read it
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            expected.add(String.valueOf(emulator.data().addRequest("7916000000" + i, "r" + i + "@example.com", day.atTime(10, i))));
        }
        List<String> ids = drain(connector("requests", day), "requestId");
        assertEquals(expected, new TreeSet<>(ids));
        assertEquals(4, ids.size());
        String monthFirst = "dateFrom=" + String.format("%02d%%2F%02d%%2F%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear());
        List<String> asked = emulator.received().stream().filter(r -> r.operation().endsWith("/requests")).map(ReceivedRequest::uri).toList();
        assertTrue(asked.stream().anyMatch(u -> u.contains(monthFirst)), "month-first " + monthFirst + ": " + asked);
    }
}
