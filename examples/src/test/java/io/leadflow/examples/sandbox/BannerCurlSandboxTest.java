package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 defect 10: the start-up banner of {@code serve <example> --sandbox} prints, for every
 * pushed flow, a {@code curl} whose body is a lead of that flow's own source (Horoshop order JSON,
 * Calltouch's form-encoded call, a KeyCRM status webhook, a Shop-Express order, a site form), and
 * for every pulled flow a line saying what it pulls and no {@code curl}. Each printed command is
 * run as a person would paste it (bash, the real {@code curl}; where curl is not installed, its
 * words as bash reads them, sent with Java's client) against the running sandbox: it
 * must be accepted (2xx), and the lead must not end DEAD, nor dropped for want of a phone or an
 * email (what a Horoshop body sent to a Calltouch flow became, as before). A flow of the generic
 * site source, whose fields the catalog cannot know, may drop the generic form's sample by its own
 * filter (the checkout's "empty cart"); the summary line of each flow is printed.
 */
class BannerCurlSandboxTest {
    private static final Pattern FLOW = Pattern.compile("^flow '([^']+)' → \\S+\\s+(POST (\\S+)|PULLED from (\\S+).*)$");
    @TempDir
    Path data;

    @ParameterizedTest
    @MethodSource("io.leadflow.examples.sandbox.SandboxRun#exampleFolders")
    void everyPushedFlowsCurlIsALeadOfItsOwnSource_acceptedAndNotDead(String example) throws Exception {
        // the Calltouch flows wait a minute before a lead is processed; a second here
        Path folder = example.equals("calltouch-retailcrm")
                ? SandboxRun.copy(Path.of(example), data, "calls.flow", "delay 1m", "delay 1s", "requests.flow", "delay 1m", "delay 1s")
                : SandboxRun.copy(Path.of(example), data);
        try (SandboxRun run = SandboxRun.start(folder, data, Map.of())) {
            seedTheSamplesShopOrder(run);
            List<String> lines = run.out().lines().toList();
            int pushed = 0;
            int pulled = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FLOW.matcher(lines.get(i));
                if (!m.matches()) continue;
                String flow = m.group(1);
                String next = i + 2 < lines.size() ? lines.get(i + 2) : "";
                if (m.group(3) == null) {
                    pulled++;
                    assertFalse(next.contains("curl") || lines.get(i + 1).contains("curl"), "a pulled flow gets no curl: " + flow);
                    assertTrue(lines.get(i).contains("cursor: GET"), lines.get(i));
                    continue;
                }
                pushed++;
                assertTrue(next.startsWith("  try:   curl "), "flow '" + flow + "' has no sample curl:\n" + run.out());
                String curl = next.substring("  try:   ".length());
                assertTrue(curl.contains(m.group(3)), curl);
                String[] answer = send(curl).split("\n");
                int status = Integer.parseInt(answer[answer.length - 1].trim());
                if (status < 200 || status >= 300) {
                    problems.add(flow + ": HTTP " + status + " " + String.join("\n", answer));
                    continue;
                }
                String id = SandboxRun.JSON.readTree(answer[0]).path("id").asText();
                JsonNode lead = run.finished(id);
                String end = lead.path("status").asText();
                String reason = lead.path("reason").asText("");
                System.out.println("banner curl of " + example + " flow '" + flow + "': HTTP " + status + ", " + end + (reason.isEmpty() ? "" : " (" + reason + ")"));
                if (end.equals("dead")) problems.add(flow + ": DEAD, " + reason);
                // a lead of another source reads as one without a phone or an email (the old Horoshop body sent to a Calltouch flow)
                if (end.equals("dropped") && (reason.contains("phone") || reason.contains("email"))) problems.add(flow + ": dropped, " + reason);
            }
            assertNotEquals(0, pushed + pulled, run.out());
            assertEquals(List.of(), problems, run.out());
        }
    }

    /**
     * A status webhook (KeyCRM's sample: the order with {@code source_uuid} 1001) changes an order
     * the shop already has, as it would in production (the shop pushed it first, as the Shop-Express
     * and Horoshop samples' order 1001): the shop targets' emulated accounts are given that order.
     */
    private static void seedTheSamplesShopOrder(SandboxRun run) throws Exception {
        if (run.out().contains("emulator shopexpress ")) {
            run.seed(run.emulator("shopexpress"), "{\"orders\":[{\"number\":\"1001\",\"status\":\"new\"}]}");
        }
        if (run.out().contains("emulator horoshop ")) {
            run.seed(run.emulator("horoshop"), "{\"orders\":[{\"order_id\":1001,\"stat_status\":1}]}");
        }
    }

    /** The fallback's reading of a command line: as bash, including a quote written '\\'' inside quotes. */
    @org.junit.jupiter.api.Test
    void wordsAreReadAsBashReadsThem() {
        assertEquals(List.of("curl", "-d", "{\"a\": \"it's\"}", "x y"), words("curl -d '{\"a\": \"it'\\''s\"}' 'x y'"));
    }

    /**
     * Sends the printed command: through bash and the real {@code curl} where it is installed, else
     * (a machine with only a JDK and Maven) its words read as bash reads them (single quotes) and
     * sent with Java's HTTP client. Returns the answer's body, a newline and its status code.
     */
    private static String send(String curl) throws Exception {
        if (new ProcessBuilder("bash", "-c", "command -v curl").start().waitFor() == 0) return sh(curl + " -w '\\n%{http_code}'");
        List<String> words = words(curl);
        assertEquals(List.of("curl", "-sS", "-X", "POST"), words.subList(0, 4), curl);
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(words.get(4)));
        String body = null;
        for (int i = 5; i < words.size(); i += 2) {
            switch (words.get(i)) {
                case "-H" -> {
                    String[] h = words.get(i + 1).split(": ", 2);
                    b.header(h[0], h[1]);
                }
                case "--data-binary" -> body = words.get(i + 1);
                default -> throw new AssertionError("unexpected curl option " + words.get(i) + " in " + curl);
            }
        }
        var r = java.net.http.HttpClient.newHttpClient().send(b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.body() + "\n" + r.statusCode();
    }

    /** A command line's words as bash splits them: spaces between words, single quotes around literal text, '\\'' for a quote. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') quoted = false;
                else w.append(c);
            } else if (c == '\'') {
                quoted = true;
                any = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                any = true;
            } else if (c == ' ') {
                if (any || w.length() > 0) out.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        assertFalse(quoted, "unclosed quote in " + line);
        if (any || w.length() > 0) out.add(w.toString());
        return out;
    }

    /** Runs one command line in bash and returns its standard output (asserting exit 0). */
    private static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(false).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + "\n" + out + err);
        return out;
    }
}
