package io.leadflow.dsl.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** libphonenumber is the oracle: every written form of a number standardises as it says. */
class PhoneStandardizerProperties {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PhoneStandardizer ua = new PhoneStandardizer(PhoneProfile.UA);
    private final PhoneStandardizer ru = new PhoneStandardizer(PhoneProfile.of(java.util.Optional.of("RU"), java.util.Optional.empty(), false));

    /** A 9-digit national number with a real UA prefix (mobile, fixed line, VoIP) or a random one. */
    @Provide
    Arbitrary<String> national() {
        Arbitrary<String> prefix = Arbitraries.of("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99",
                "44", "32", "89", "39", "91", "12", "00", "81");
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(7);
        return Combinators.combine(prefix, rest).as(String::concat);
    }

    @Property(tries = 400)
    void everyWrittenForm_agreesWithTheOracle(@ForAll("national") String n, @ForAll("form") int form) {
        String written = switch (form) {
            case 0 -> "0" + n.substring(0, 2) + " " + n.substring(2, 5) + " " + n.substring(5, 7) + " " + n.substring(7);
            case 1 -> "0" + n;
            case 2 -> "380" + n;
            case 3 -> "+38 (0" + n.substring(0, 2) + ") " + n.substring(2, 5) + "-" + n.substring(5, 7) + "-" + n.substring(7);
            case 4 -> n;
            default -> "8" + "0" + n;
        };
        assertEquals(oracle("0" + n), ua.standardize(written).e164(), written);
    }

    @Provide
    Arbitrary<Integer> form() {
        return Arbitraries.integers().between(0, 5);
    }

    @Property(tries = 400)
    void junk_isValidOnlyWhenTheOracleSaysSo(@ForAll("junk") String s) {
        String expected = s.replaceAll("[^0-9]", "").matches("80\\d{9}") && !s.strip().startsWith("+")
                ? oracle(s.replaceAll("[^0-9]", "").substring(1)) : oracle(s);
        assertEquals(expected, ua.standardize(s).e164(), s);
    }

    /** Digit strings of the lengths the fast path reads, with separators and a plus here and there. */
    @Property(tries = 1000)
    void numberLikeText_agreesWithTheParser(@ForAll("numberLike") String s) {
        junk_isValidOnlyWhenTheOracleSaysSo(s);
    }

    @Provide
    Arbitrary<String> numberLike() {
        Arbitrary<String> prefix = Arbitraries.of("", "+", "+38", "380", "+380", "0", "00380", "8", "80", "+3800", "38");
        Arbitrary<String> body = Arbitraries.strings().withChars("0123456789").ofMinLength(7).ofMaxLength(11);
        Arbitrary<String> sep = Arbitraries.of("", " ", "-", "(", ") ", ".");
        return Combinators.combine(prefix, sep, body).as((p, x, b) -> p + x + b);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("0123456789+()- abc").ofMinLength(0).ofMaxLength(20);
    }

    /** A 10-digit Russian national number: mobile (9xx, the fast path's), Moscow, St Petersburg, toll-free, or random. */
    @Provide
    Arbitrary<String> ruNational() {
        Arbitrary<String> prefix = Arbitraries.of("900", "903", "915", "916", "925", "950", "958", "977", "985", "999", "901",
                "495", "499", "812", "800", "343", "700", "771", "100", "000", "811");
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(7);
        return Combinators.combine(prefix, rest).as(String::concat);
    }

    @Property(tries = 1000)
    void ru_everyWrittenForm_agreesWithTheParser(@ForAll("ruNational") String n, @ForAll("form") int form) {
        String written = switch (form) {
            case 0 -> "+7 (" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8);
            case 1 -> "8" + n;
            case 2 -> "7" + n;
            case 3 -> "8 " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6, 8) + " " + n.substring(8);
            case 4 -> n;
            default -> "+7" + n;
        };
        assertEquals(ruOracle(written), ru.standardize(written).e164(), written);
    }

    /** Digit strings of the lengths the Russian fast path reads (and one either side), with separators and a plus here and there. */
    @Property(tries = 2000)
    void ru_numberLikeText_agreesWithTheParser(@ForAll("ruNumberLike") String s) {
        assertEquals(ruOracle(s), ru.standardize(s).e164(), s);
    }

    @Provide
    Arbitrary<String> ruNumberLike() {
        Arbitrary<String> prefix = Arbitraries.of("", "+", "+7", "7", "8", "+8", "9", "79", "89", "+79", "007", "+9", "77");
        Arbitrary<String> body = Arbitraries.strings().withChars("0123456789").ofMinLength(7).ofMaxLength(11);
        Arbitrary<String> sep = Arbitraries.of("", " ", "-", "(", ") ", ".");
        return Combinators.combine(prefix, sep, body).as((p, x, b) -> p + x + b);
    }

    /** E.164 when libphonenumber, parsing with region RU, finds a valid +7 number, else null. */
    private static String ruOracle(String text) {
        try {
            PhoneNumber p = UTIL.parse(text, "RU");
            return p.getCountryCode() == 7 && UTIL.isValidNumber(p) ? UTIL.format(p, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** E.164 when libphonenumber finds a valid +380 number with 9 national digits, else null. */
    private static String oracle(String text) {
        try {
            PhoneNumber p = UTIL.parse(text, "UA");
            boolean ok = p.getCountryCode() == 380 && UTIL.isValidNumber(p) && UTIL.getNationalSignificantNumber(p).length() == 9;
            return ok ? UTIL.format(p, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
