package io.leadflow.cli;

import io.leadflow.spi.account.AccountDescriptions;
import io.leadflow.spi.account.AccountSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The account descriptions {@code check} and {@code test} judge custom fields against: each
 * {@code --account FILE}, else the {@code accounts.json} of every folder given as a PATH (an
 * example ships the one its sandbox uses). {@code --no-account} turns the automatic file off.
 */
public final class AccountFiles {
    @Option(names = "--account", paramLabel = "FILE",
            description = "An account description (JSON, see docs/cli.md) to check the custom fields each flow maps against (LF414); repeatable."
                    + " Default: the accounts.json of each folder given.")
    List<Path> explicit;

    @Option(names = "--no-account", description = "Do not read a folder's accounts.json.")
    boolean none;

    /** {@link #load}, or empty after printing why the file was refused to {@code err} (the command then exits 2). */
    java.util.Optional<List<AccountSchema>> loadOrSay(List<Path> paths, java.io.PrintWriter err) {
        try {
            return java.util.Optional.of(load(paths));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return java.util.Optional.empty();
        }
    }

    /**
     * The descriptions to check against, for these PATH arguments.
     *
     * @throws IllegalArgumentException naming the file, for one that cannot be read or is not a description
     */
    List<AccountSchema> load(List<Path> paths) {
        List<Path> files = new ArrayList<>(explicit == null ? List.of() : explicit);
        if (files.isEmpty() && !none) {
            for (Path p : paths) {
                Path f = p.resolve(AccountDescriptions.FILE_NAME);
                if (Files.isDirectory(p) && Files.isRegularFile(f)) files.add(f);
            }
        }
        List<AccountSchema> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.addAll(AccountDescriptions.read(Files.readString(f), f.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the account description " + f + ": " + e.getMessage());
            }
        }
        return out;
    }
}
