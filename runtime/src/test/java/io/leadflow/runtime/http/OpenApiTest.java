package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.Secrets;
import io.leadflow.runtime.exec.ProgramHolder;
import io.leadflow.runtime.security.SourceGuards;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import io.leadflow.runtime.testkit.StubProgram;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.ext.web.Router;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} is kept true: its paths and methods are exactly the router's, every
 * answer a real request gets has its status declared for that operation, and its JSON body
 * validates against the declared schema. The document itself must parse as OpenAPI 3 without a
 * message (swagger-parser); bodies are validated with networknt's JSON Schema validator in its
 * OpenAPI 3.0 dialect (nullable, $ref into components), the schema addressed by a JSON pointer
 * into the served document.
 */
class OpenApiTest {
    static final String TOKEN = "tok_oa_0123456789abcdef0123456789abc";
    static final String ADMIN = "adm_oa_0123456789abcdef0123456789abc";
    static final ObjectMapper JSON = new ObjectMapper();
    static EdgeFixture edge;
    static final String DOC_URI = "https://leadflow.invalid/openapi.json";
    static JsonNode doc;
    static SchemaRegistry schemas;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeFixture(new MemoryJournal(), Map.of("source.site-form.token", TOKEN, "admin.token", ADMIN), Limits.DEFAULTS,
                Clock.systemUTC(), "site form");
        HttpResponse<String> r = edge.get("/openapi.json");
        assertEquals(200, r.statusCode());
        doc = JSON.readTree(r.body());
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(DOC_URI, r.body())));
    }

    @Test
    void theDocument_isValidOpenApi3() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, null);
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages());
        assertTrue(parsed.getOpenAPI() != null && parsed.getOpenAPI().getOpenapi().startsWith("3."), "not an OpenAPI 3 document");
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    @Test
    void theDocumentsPathsAndMethods_areExactlyTheRoutersRoutes() {
        Vertx vertx = Vertx.vertx();
        try {
            Router r = Router.router(vertx);
            var handlers = EdgeVerticle.EdgeHandlers.of(new MemoryJournal(), new ProgramHolder(StubProgram.of("h", "site form")),
                    new SourceGuards(Secrets.empty(), Limits.DEFAULTS, Clock.systemUTC()), Limits.DEFAULTS, new EdgeMetrics(() -> 0),
                    () -> null, Map::of, Clock.systemUTC());
            EdgeVerticle.routes(r, handlers);
            TreeSet<String> routed = new TreeSet<>();
            for (Route route : r.getRoutes()) {
                if (route.methods() == null || route.getPath() == null || !route.isExactPath()) continue; // the console API's 404 catch-all
                String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
                for (HttpMethod m : route.methods()) routed.add(m.name().toLowerCase(Locale.ROOT) + " " + path);
            }
            TreeSet<String> documented = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m + " " + p.getKey())));
            assertEquals(routed, documented);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void realAnswers_haveADeclaredStatus_andValidateAgainstTheirSchema() throws Exception {
        HttpResponse<String> accepted = edge.post("/v1/leads/site-form", "application/json", "{\"phone\":\"0671234567\"}", "Authorization", "Bearer " + TOKEN);
        check("post", "/v1/leads/{flow}", accepted);
        String id = JSON.readTree(accepted.body()).get("id").asText();
        check("post", "/v1/leads/{flow}", edge.post("/v1/leads/site-form", "application/json", "{}"));
        check("post", "/v1/leads/{flow}", edge.post("/v1/leads/nope", "application/json", "{}", "Authorization", "Bearer " + TOKEN));
        check("post", "/v1/leads/{flow}", edge.post("/v1/leads/site-form", "text/csv", "a,b", "Authorization", "Bearer " + TOKEN));
        check("get", "/v1/leads", admin("/v1/leads"));
        check("get", "/v1/leads", admin("/v1/leads?status=bogus"));
        check("get", "/v1/leads", edge.get("/v1/leads"));
        check("get", "/v1/leads/{id}", admin("/v1/leads/" + id));
        check("get", "/v1/leads/{id}", admin("/v1/leads/no-such-lead"));
        check("post", "/v1/leads/{id}/replay", edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/" + id + "/replay?version=current"))
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody())));
        check("post", "/v1/leads/{id}/replay", edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/" + id + "/replay?version=x"))
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody())));
        check("get", "/v1/flows", admin("/v1/flows"));
        check("get", "/v1/sources", admin("/v1/sources"));
        check("get", "/v1/schedules", admin("/v1/schedules"));
        check("get", "/health", edge.get("/health"));
        check("get", "/health/live", edge.get("/health/live"));
        check("get", "/metrics", edge.get("/metrics"));
        check("get", "/console/api/leads", edge.get("/console/api/leads"));
        check("post", "/console/api/playground", edge.post("/console/api/playground", "application/json", "{}"));
        HttpResponse<String> page = edge.get("/");
        check("get", "/", page);
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return edge.get(path, "Authorization", "Bearer " + ADMIN);
    }

    private static void check(String method, String path, HttpResponse<String> r) throws Exception {
        JsonNode op = doc.path("paths").path(path).path(method);
        assertTrue(op.isObject(), method + " " + path + " is not documented");
        JsonNode declared = op.path("responses").path(Integer.toString(r.statusCode()));
        assertTrue(declared.isObject(), method + " " + path + " answered " + r.statusCode() + ", not declared: " + r.body());
        declared = resolve(declared);
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode content = declared.path("content");
        if (content.isMissingNode()) return;
        assertTrue(content.has(type), method + " " + path + " " + r.statusCode() + " answered " + type + ", declared " + content.fieldNames().next());
        if (!type.equals("application/json")) return;
        String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + r.statusCode() + "/content/" + escape(type) + "/schema";
        if (op.path("responses").path(Integer.toString(r.statusCode())).has("$ref")) {
            pointer = op.path("responses").path(Integer.toString(r.statusCode())).get("$ref").asText().substring(1) + "/content/" + escape(type) + "/schema";
        }
        List<Error> problems = schemaAt(pointer).validate(JSON.readTree(r.body()));
        assertTrue(problems.isEmpty(), method + " " + path + " " + r.statusCode() + ": " + problems + "\n" + r.body());
    }

    private static JsonNode resolve(JsonNode n) {
        while (n.has("$ref")) {
            JsonNode at = doc;
            for (String part : n.get("$ref").asText().substring(2).split("/")) at = at.path(part);
            assertTrue(at.isObject(), "dangling " + n.get("$ref"));
            n = at;
        }
        return n;
    }

    private static Schema schemaAt(String pointer) {
        return schemas.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer));
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    /**
     * {@code POST /v1/schedules/{name}/run}: admin token, 404 for a schedule the rules do not
     * declare (naming those they do), 202 with the period once started, 409 while it runs and on a
     * node that runs no schedules; every answer as documented.
     */
    @Test
    void runningAScheduleNow_answersAsDocumented() throws Exception {
        var s = new io.leadflow.dsl.Program.Schedule("catalog daily", java.time.Duration.ofDays(1), "03:00", "product_sync", Map.of(), "catalog.flow:6:1");
        var program = new io.leadflow.runtime.exec.StubProgram("h", List.of(), List.of(s));
        java.util.concurrent.atomic.AtomicReference<io.vertx.core.Future<io.leadflow.runtime.schedule.Scheduler.RunStarted>> next =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EdgeFixture own = new EdgeFixture(new MemoryJournal(), Map.of("admin.token", ADMIN), Limits.DEFAULTS, Clock.systemUTC(), program,
                h -> h.withScheduleRunner(name -> {
                    asked.add(name);
                    return next.get();
                }))) {
            java.util.function.Function<String, HttpResponse<String>> post = path -> {
                try {
                    return own.send(HttpRequest.newBuilder(own.uri(path)).header("Authorization", "Bearer " + ADMIN)
                            .POST(HttpRequest.BodyPublishers.noBody()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            String path = "/v1/schedules/catalog%20daily/run";
            HttpResponse<String> noToken = own.send(HttpRequest.newBuilder(own.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, noToken.statusCode());
            check("post", "/v1/schedules/{name}/run", noToken);

            HttpResponse<String> unknown = post.apply("/v1/schedules/nope/run");
            assertEquals(404, unknown.statusCode());
            assertEquals("unknown_schedule", JSON.readTree(unknown.body()).get("error").asText());
            assertTrue(unknown.body().contains("catalog daily"), unknown.body());
            check("post", "/v1/schedules/{name}/run", unknown);

            java.time.Instant period = java.time.Instant.parse("2026-12-04T21:00:00.123Z");
            next.set(io.vertx.core.Future.succeededFuture(new io.leadflow.runtime.schedule.Scheduler.RunStarted("catalog daily", "product_sync", period)));
            HttpResponse<String> started = post.apply(path);
            assertEquals(202, started.statusCode(), started.body());
            JsonNode body = JSON.readTree(started.body());
            assertEquals("2026-12-04T21:00:00.123Z", body.get("period").asText());
            assertEquals("running", body.get("status").asText());
            check("post", "/v1/schedules/{name}/run", started);

            next.set(io.vertx.core.Future.failedFuture(io.leadflow.runtime.schedule.RunNowRefused.running("catalog daily")));
            HttpResponse<String> busy = post.apply(path);
            assertEquals(409, busy.statusCode());
            assertEquals("schedule_running", JSON.readTree(busy.body()).get("error").asText());
            check("post", "/v1/schedules/{name}/run", busy);

            next.set(io.vertx.core.Future.failedFuture(io.leadflow.runtime.schedule.RunNowRefused.notRunning()));
            HttpResponse<String> paused = post.apply(path);
            assertEquals(409, paused.statusCode());
            assertEquals("not_delivering", JSON.readTree(paused.body()).get("error").asText());
            check("post", "/v1/schedules/{name}/run", paused);
            assertEquals(List.of("catalog daily", "catalog daily", "catalog daily"), asked, "an unknown name never reaches the scheduler");
        }
    }

    @Test
    void theValidatorCatchesWhatItChecks() throws Exception {
        // a lead's registry answer with a wrong type, a value outside its enum and a required member missing
        Schema lead = schemaAt("/paths/" + escape("/v1/leads/{id}") + "/get/responses/200/content/application~1json/schema");
        HttpResponse<String> accepted = edge.post("/v1/leads/site-form", "application/json", "{\"phone\":\"0671234567\"}", "Authorization", "Bearer " + TOKEN);
        JsonNode real = JSON.readTree(admin("/v1/leads/" + JSON.readTree(accepted.body()).get("id").asText()).body());
        assertEquals(List.of(), lead.validate(real));
        var broken = real.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("status", "nonsense");
        assertTrue(!lead.validate(broken).isEmpty(), "a status outside the enum passed");
        broken = real.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("attempts", "three");
        assertTrue(!lead.validate(broken).isEmpty(), "a text where an integer belongs passed");
    }
}
