package io.leadflow.examples.sandbox;

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
    private static final Pattern EMULATOR = Pattern.compile("emulator (\\S+) listening on http://127\\.0\\.0\\.1:(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LeadflowServer server;
    private final ByteArrayOutputStream out;

    private SandboxRun(LeadflowServer server, ByteArrayOutputStream out) {
        this.server = server;
        this.out = out;
    }

    /** @param secrets extra secrets-file lines (source tokens) added to the example's {@code sandbox.properties} */
    static SandboxRun start(Path example, Path data, Map<String, String> secrets) throws Exception {
        StringBuilder props = new StringBuilder();
        Path own = example.resolve("sandbox.properties");
        if (Files.exists(own)) props.append(Files.readString(own)).append('\n');
        secrets.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Path file = Files.writeString(data.resolve("secrets.properties"), props);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeSettings s = new ServeSettings(example, data.resolve("leadflow-data"), "127.0.0.1", 0, true, file, Limits.DEFAULTS, true);
        LeadflowServer server = LeadflowServer.start(s, new DslRuleCompiler(ConnectorCatalog.discover()), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new SandboxRun(server, out);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The emulator's origin as the banner announced it. */
    String emulator(String connector) {
        Matcher m = EMULATOR.matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) if (m.group(1).equals(connector)) return "http://127.0.0.1:" + m.group(2);
        throw new AssertionError("no emulator " + connector + " in the banner:\n" + out.toString(StandardCharsets.UTF_8));
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
        assertTrue(false, what + " did not happen within 20 s; last state: " + last + "\nserver said:\n" + out.toString(StandardCharsets.UTF_8));
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
