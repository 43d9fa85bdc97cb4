package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.ServeSettings;
import io.leadflow.runtime.http.LeadflowServer;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve <example> --sandbox} in this JVM: the example's rule files, its sandbox secrets
 * plus known source tokens, every CRM its emulator. Helpers post leads and read emulators the way
 * a sandbox user does with curl.
 */
final class SandboxRun implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The banner's emulator line: {@code emulator <connector> [account '<name>'] listening on http://127.0.0.1:<port>}. */
    private static final Pattern EMULATOR = Pattern.compile("emulator (\\S+)(?: account '([^']*)')? listening on http://127\\.0\\.0\\.1:(\\d+)");
    /** The admin token every run is given (registry API). */
    static final String ADMIN = "lf_test_admin_0123456789abcdef0123456789ab";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LeadflowServer server;
    private final ByteArrayOutputStream out;

    private SandboxRun(LeadflowServer server, ByteArrayOutputStream out) {
        this.server = server;
        this.out = out;
    }

    /** @param secrets extra secrets-file lines (source tokens) added to the example's {@code sandbox.properties} */
    static SandboxRun start(Path example, Path data, Map<String, String> secrets) throws Exception {
        return start(example, data, secrets, io.leadflow.runtime.exec.RetryPolicy.defaults(), io.leadflow.runtime.exec.BreakerPolicy.defaults());
    }

    /** The same with another retry schedule and circuit breaker (the production schedule waits 10 min at its fifth retry). */
    static SandboxRun start(Path example, Path data, Map<String, String> secrets, io.leadflow.runtime.exec.RetryPolicy retry,
                            io.leadflow.runtime.exec.BreakerPolicy breakers) throws Exception {
        StringBuilder props = new StringBuilder("admin.token=" + ADMIN + "\n");
        Path own = example.resolve("sandbox.properties");
        if (Files.exists(own)) props.append(Files.readString(own)).append('\n');
        secrets.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Path file = Files.writeString(data.resolve("secrets.properties"), props);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeSettings s = new ServeSettings(example, data.resolve("leadflow-data"), "127.0.0.1", 0, true, file, Limits.DEFAULTS, true);
        LeadflowServer server = LeadflowServer.start(s, new DslRuleCompiler(ConnectorCatalog.discover()), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), retry, breakers);
        return new SandboxRun(server, out);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The origin of the connector's (first) emulator as the banner announced it. */
    String emulator(String connector) {
        return emulator(connector, null);
    }

    /** The origin of the emulated account {@code account} of {@code connector} (null: the first one announced). */
    String emulator(String connector, String account) {
        Matcher m = EMULATOR.matcher(out());
        while (m.find()) {
            if (m.group(1).equals(connector) && (account == null || account.equals(m.group(2)))) return "http://127.0.0.1:" + m.group(3);
        }
        throw new AssertionError("no emulator " + connector + (account == null ? "" : " account " + account) + " in the banner:\n" + out());
    }

    /** Every example folder (a folder of this module holding rule files), by name, sorted; at least the seed examples. */
    static java.util.List<String> exampleFolders() throws java.io.IOException {
        try (var dirs = Files.list(Path.of("."))) {
            java.util.List<String> out = dirs.filter(Files::isDirectory).filter(d -> {
                try (var files = Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".flow"));
                } catch (java.io.IOException e) {
                    return false;
                }
            }).map(d -> d.getFileName().toString()).sorted().toList();
            assertTrue(out.size() >= 5, "the seed examples: " + out);
            return out;
        }
    }

    /** The emulated accounts' own field lists, as the runtime read them at start. */
    java.util.List<io.leadflow.spi.account.AccountSchema> accountSchemas() {
        return server.accountSchemas();
    }

    /** Everything the server printed so far (banner, tokens). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A call to the RetailCRM emulator's API (form-encoded, the entity as JSON in one field), as a shop or a manager would make it. */
    JsonNode retailcrm(String path, String entity, String json) throws Exception {
        String form = "site=shop1&by=id&" + entity + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        HttpRequest r = HttpRequest.newBuilder(URI.create(emulator("retailcrm") + "/api/v5/" + path)).timeout(Duration.ofSeconds(10))
                .header("X-API-KEY", "retailcrm-test-key").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 300, answer.statusCode() + " " + answer.body());
        return JSON.readTree(answer.body());
    }

    /** Posts a form-encoded body (as Calltouch's webhooks do), fields in the given order. */
    HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a lead to a flow's intake with its token and returns the lead id (asserting 202). */
    String lead(String flowSlug, String token, String json) throws Exception {
        HttpResponse<String> r = post(base() + "/v1/leads/" + flowSlug, json, "Authorization", "Bearer " + token);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    /** The registry's record of one lead (admin token). */
    JsonNode registryLead(String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/v1/leads/" + id)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** A GET with the admin token ({@code /v1/flows}). */
    HttpResponse<String> getWithAdmin(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The registry's list for a query string ({@code flow=…}), admin token. */
    JsonNode registry(String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/v1/leads?" + query)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Waits until the lead is finished (done, dropped, dead or duplicate) and returns its registry record. */
    JsonNode finished(String id) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = registryLead(id);
            String status = last.path("status").asText();
            if (status.equals("done") || status.equals("dropped") || status.equals("dead") || status.equals("duplicate")) return last;
            Thread.sleep(50);
        }
        throw new AssertionError("lead " + id + " did not finish within 30 s; last: " + last + "\nserver said:\n" + out());
    }

    /** Seeds an emulated account with the connector-neutral seed format; returns the ids given. */
    JsonNode seed(String emulatorOrigin, String seedJson) throws Exception {
        HttpResponse<String> r = post(emulatorOrigin + "/__emulator/seed", seedJson);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** The emulated account's records ({@code GET /__emulator/state} → records). */
    JsonNode records(String emulatorOrigin) throws Exception {
        return get(emulatorOrigin + "/__emulator/state").path("records");
    }

    /**
     * A copy of an example folder under {@code into} with each {@code replacements} pair applied to
     * the file named first (each text must occur exactly once), e.g. a shorter delay.
     */
    static Path copy(Path example, Path into, String... fileFromTo) throws Exception {
        Path dir = Files.createDirectories(into.resolve(example.getFileName()));
        try (var files = Files.list(example)) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, dir.resolve(f.getFileName()));
        }
        for (int i = 0; i < fileFromTo.length; i += 3) {
            Path f = dir.resolve(fileFromTo[i]);
            String text = Files.readString(f);
            int at = text.indexOf(fileFromTo[i + 1]);
            assertTrue(at >= 0 && text.indexOf(fileFromTo[i + 1], at + 1) < 0, "'" + fileFromTo[i + 1] + "' once in " + f);
            Files.writeString(f, text.replace(fileFromTo[i + 1], fileFromTo[i + 2]));
        }
        return dir;
    }

    HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** Polls {@code url} until {@code until} holds for its JSON (at most 20 s) and returns it. */
    JsonNode await(String url, Predicate<JsonNode> until, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = get(url);
            if (until.test(last)) return last;
            Thread.sleep(50);
        }
        assertTrue(false, what + " did not happen within 20 s; last state: " + last + "\nserver said:\n" + out());
        return last;
    }

    /** The first element of {@code array} whose {@code field} has the text {@code value}, or null. */
    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (value.equals(n.path(field).asText(null))) return n;
        return null;
    }

    @Override
    public void close() {
        server.stop();
    }
}
