/**
 * The {@code leadflow} command line (picocli): one class per sub-command, each returning its
 * exit code; {@link io.leadflow.cli.Main} lists them.
 */
package io.leadflow.cli;
