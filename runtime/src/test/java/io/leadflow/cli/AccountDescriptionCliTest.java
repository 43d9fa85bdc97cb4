package io.leadflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 defect 2: {@code leadflow test} and {@code check} judge the custom fields a rule maps
 * against the account description the example ships ({@code accounts.json}, what its sandbox
 * serves), so a rule mapping a field the account lacks fails before any lead is sent, at the
 * field, with file:line:col and a caret.
 */
class AccountDescriptionCliTest {
    @TempDir
    Path tmp;

    /** A copy of examples/calltouch-retailcrm whose calls flow maps a call id field the RetailCRM account does not have. */
    private Path exampleWithAnUnknownField() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("calltouch-retailcrm"));
        try (Stream<Path> files = Files.list(Path.of("../examples/calltouch-retailcrm"))) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path calls = dir.resolve("calls.flow");
        String text = Files.readString(calls);
        assertTrue(text.contains("deal_cf_ct_call_id <- lead.callId"), text);
        Files.writeString(calls, text.replace("deal_cf_ct_call_id <- lead.callId", "deal_cf_calltouch_call_id <- lead.callId"));
        return dir;
    }

    @Test
    void theExampleAsShipped_passesTestAndCheck_againstItsAccountDescription() {
        assertEquals(0, CliTest.run("check", "../examples/calltouch-retailcrm").code());
        CliTest.Run r = CliTest.run("test", "--tries", "5", "--seed", "1", "../examples/calltouch-retailcrm");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void aMappedCustomFieldTheAccountLacks_failsTestAndCheck_atTheFieldWithACaret() throws Exception {
        Path dir = exampleWithAnUnknownField();
        CliTest.Run t = CliTest.run("test", "--tries", "5", "--seed", "1", dir.toString());
        assertEquals(1, t.code(), t.out() + t.err());
        String shown = t.out() + t.err();
        var at = Pattern.compile(Pattern.quote(dir.resolve("calls.flow").toString()) + ":(\\d+):(\\d+): error LF414: deal_cf_calltouch_call_id:"
                + " the retailcrm account 'main' has no deal custom field 'calltouch_call_id'; its deal custom fields are [^\n]*deal_cf_ct_call_id")
                .matcher(shown);
        assertTrue(at.find(), shown);
        assertEquals("33:5", at.group(1) + ":" + at.group(2), shown);
        assertTrue(shown.contains("    deal_cf_calltouch_call_id <- lead.callId\n    ^^^^"), shown);

        CliTest.Run c = CliTest.run("check", dir.toString());
        assertEquals(1, c.code(), c.err());
        assertTrue(c.err().contains("error LF414"), c.err());
        // without the description the same file compiles (the account is then checked only at serve's start)
        assertEquals(0, CliTest.run("check", "--no-account", dir.toString()).code());
        // an explicit description is used for a file argument too
        CliTest.Run f = CliTest.run("check", "--account", dir.resolve("accounts.json").toString(), dir.resolve("calls.flow").toString());
        assertEquals(1, f.code(), f.err());
        assertTrue(f.err().contains("error LF414"), f.err());
    }

    @Test
    void aFileThatIsNotAnAccountDescription_isRefusedWithItsName() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"accounts\": [{\"connector\": \"retailcrm\"}]}");
        CliTest.Run r = CliTest.run("check", "--account", bad.toString(), "../examples/calltouch-retailcrm");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ": accounts[0]: 'account' (text) is missing"), r.err());
    }
}
