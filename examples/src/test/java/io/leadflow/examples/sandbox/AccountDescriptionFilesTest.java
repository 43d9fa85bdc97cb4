package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.spi.account.AccountDescriptions;
import io.leadflow.spi.account.AccountSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 defect 2: each example ships the account description its sandbox uses
 * ({@code accounts.json}, read by {@code leadflow check|test}), and it is what the sandbox's
 * emulated accounts actually serve: {@code serve <example> --sandbox} reads every written-to
 * account's field list through the connector (as it does at every start), and the file must be
 * exactly that (an example whose targets cannot list their fields, Mindbox, ships none). The emulators are the single source; the file is generated from them
 * ({@code -Dleadflow.accounts.write=true} rewrites it) and this test keeps the two equal.
 */
class AccountDescriptionFilesTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @MethodSource("io.leadflow.examples.sandbox.SandboxRun#exampleFolders")
    void theExamplesAccountsJson_isWhatItsSandboxAccountsServe(String example) throws Exception {
        Path file = Path.of(example, AccountDescriptions.FILE_NAME);
        String served;
        try (SandboxRun run = SandboxRun.start(Path.of(example), data, Map.of())) {
            List<AccountSchema> schemas = run.accountSchemas();
            if (schemas.isEmpty()) {
                // its targets cannot list their own fields (Mindbox): nothing to describe, so no file that could go stale
                assertFalse(Files.exists(file), file + " describes accounts the sandbox does not read:\n" + run.out());
                return;
            }
            served = AccountDescriptions.write(schemas);
        }
        if (Boolean.getBoolean("leadflow.accounts.write")) Files.writeString(file, served);
        assertTrue(Files.exists(file), file + " is missing; generate it with -Dleadflow.accounts.write=true");
        assertEquals(served, Files.readString(file), file + " differs from what the sandbox's emulated accounts serve"
                + " (regenerate with -Dleadflow.accounts.write=true)");
        // and it reads back as the same accounts
        assertEquals(served, AccountDescriptions.write(AccountDescriptions.read(Files.readString(file), file.toString())));
    }
}
