package io.leadflow.dsl.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the date fast path reads, OffsetDateTime.parse reads the same way (else the fast path gives null and parse decides). */
class TemporalsFastPathProperties {
    @Property(tries = 2000)
    void fastPathAgreesWithTheParser(@ForAll("isoLike") String s) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            parsed = null;
        }
        OffsetDateTime fast = Temporals.fastOffset(s);
        if (fast != null) assertEquals(parsed, fast, s);
    }

    @Property(tries = 1000)
    void validDatesTakeTheFastPath(@ForAll("valid") String s) {
        assertEquals(OffsetDateTime.parse(s), Temporals.fastOffset(s), s);
    }

    @Provide
    Arbitrary<String> valid() {
        return Combinators.combine(Arbitraries.integers().between(1970, 2100), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.of("Z", "+02:00", "-05:30", "+00:00"))
                .as((y, mo, d, h, mi, se, o) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, se, o));
    }

    @Provide
    Arbitrary<String> isoLike() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> dd = Arbitraries.oneOf(two, Arbitraries.integers().between(0, 31).map(i -> String.format("%02d", i)),
                Arbitraries.of("1x", "-1", " 1"));
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i)), Arbitraries.of("20a5"));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00", "+05:30", "-03:00", "+18:00", "+19:00", "+02:60",
                "+0200", "Z "), Combinators.combine(Arbitraries.of('+', '-', '~'), two, two).as((a, b, c) -> a + b + ":" + c));
        return Combinators.combine(year, dd, dd, dd, dd, dd, offset, Arbitraries.of("T", "T", "t", " "))
                .as((y, mo, d, h, mi, se, o, t) -> y + "-" + mo + "-" + d + t + h + ":" + mi + ":" + se + o);
    }
}
