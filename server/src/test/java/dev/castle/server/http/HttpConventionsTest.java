package dev.castle.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.json.RequestBodies;
import dev.castle.server.tls.TlsSettings;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §1 against a real listener with toy routes: negotiation, errors, headers, path encoding, context prefixes. */
class HttpConventionsTest {
    private static final TlsSettings NO_TLS = TlsSettings.from(java.util.Map.of(), "");
    private static HttpServer server;

    record Echo(String subject, String query, String absent) {}

    @BeforeAll
    static void start() {
        server = HttpServer.start(Listeners.of("listeners", "http://127.0.0.1:0", NO_TLS), List.of(routes -> {
            routes.get(
                    "/subjects/{subject}/versions",
                    ctx -> ctx.json(new Echo(ctx.pathParam("subject"), ctx.queryString(), null)));
            routes.get("/subjects", ctx -> ctx.json(new Echo(null, ctx.queryString(), null)));
            routes.get("/config/{subject}", ctx -> ctx.json(new Echo(ctx.pathParam("subject"), null, null)));
            routes.post("/subjects/{subject}/versions", ctx -> {
                SchemaRequest request = RequestBodies.schemaRequest(ctx.bodyAsBytes());
                ctx.json(Map.of("schema", request.schema()));
            });
            routes.get("/missing", ctx -> {
                throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "s");
            });
            routes.get("/boom", ctx -> {
                throw new IllegalStateException("a bug");
            });
            routes.get("/text", ctx -> ctx.contentType("application/json").result("{\"schema\":\"x\"}"));
            routes.get(
                    "/later",
                    ctx -> ctx.future(() -> java.util.concurrent.CompletableFuture.failedFuture(
                            new RegistryException(ErrorCode.VERSION_NOT_FOUND, 3))));
        }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestHttp http() {
        return TestHttp.to("http://127.0.0.1:" + server.port());
    }

    private static Reply get(String path, String... headers) {
        return http().send("GET", path, null, headers);
    }

    private static Reply post(String path, String body, String... headers) {
        return http().send("POST", path, body, headers);
    }

    private static String contentType(Reply response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0];
    }

    private static String fullContentType(Reply response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void shouldSendTheBareMediaTypeWithoutACharset() {
        String v1 = "application/vnd.schemaregistry.v1+json";
        Map<String, String> seen = new java.util.LinkedHashMap<>();
        seen.put("json body", fullContentType(get("/subjects/s/versions")));
        seen.put("text body", fullContentType(get("/text")));
        seen.put("registry error", fullContentType(get("/missing")));
        seen.put("async error", fullContentType(get("/later")));
        seen.put("bug", fullContentType(get("/boom")));
        seen.put("unknown route", fullContentType(get("/nowhere")));
        seen.put("406", fullContentType(get("/subjects/s/versions", "Accept", "text/*")));
        seen.put("415", fullContentType(post("/subjects/s/versions", "{}", "Content-Type", "text/html")));
        seen.put("bad json", fullContentType(post("/subjects/s/versions", "{x")));
        seen.put("jetty", fullContentType(get("/subjects/%00/versions")));
        seen.put("bad context", fullContentType(get("/contexts/b%20d/subjects")));

        assertThat(seen).allSatisfy((what, type) -> assertThat(type).as(what).isEqualTo(v1));
        assertThat(fullContentType(get("/subjects/s/versions", "Accept", "application/json")))
                .isEqualTo("application/json");
        assertThat(fullContentType(get("/text", "Accept", "application/vnd.schemaregistry+json")))
                .isEqualTo("application/vnd.schemaregistry+json");
        assertThat(fullContentType(get("/missing", "Accept", "application/json")))
                .isEqualTo("application/json");
        assertThat(get("/subjects/%C3%A9t%C3%A9/versions").body())
                .as("UTF-8 bodies")
                .isEqualTo("{\"subject\":\"\u00e9t\u00e9\"}");
    }

    @Test
    void shouldAnswerTheV1TypeWhenAcceptIsMissingOrAWildcard() {
        Map<String, String> seen = new HashMap<>();
        for (String accept : List.of("", "*/*", "*", "application/*", "*/anything")) {
            Reply response =
                    accept.isEmpty() ? get("/subjects/s/versions") : get("/subjects/s/versions", "Accept", accept);
            seen.put(accept, response.status() + " " + contentType(response));
        }

        assertThat(seen.values()).containsOnly("200 application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldPickTheBestOfferedTypeByWeight() {
        assertThat(contentType(get("/subjects/s/versions", "Accept", "application/json")))
                .isEqualTo("application/json");
        assertThat(contentType(get(
                        "/subjects/s/versions",
                        "Accept",
                        "application/vnd.schemaregistry.v2+json; q=0.1, application/vnd.schemaregistry+json; q=0.9")))
                .isEqualTo("application/vnd.schemaregistry+json");
        assertThat(contentType(get("/subjects/s/versions", "Accept", "application/json, */*; q=0.1")))
                .isEqualTo("application/json");
    }

    @Test
    void shouldAnswer406WhenNoOfferedTypeIsAcceptable() {
        for (String accept : List.of("application/vnd.schemaregistry.v2+json", "text/*", "application/octet-stream")) {
            Reply response = get("/subjects/s/versions", "Accept", accept);

            assertThat(response.status()).isEqualTo(406);
            assertThat(response.body()).isEqualTo("{\"error_code\":406,\"message\":\"HTTP 406 Not Acceptable\"}");
        }
    }

    @Test
    void shouldAnswer415ForAnUnsupportedBodyTypeWithTheDefaultType() {
        Reply response = post(
                "/subjects/s/versions",
                "{\"schema\":\"x\"}",
                "Content-Type",
                "text/html",
                "Accept",
                "application/json");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}");
        assertThat(contentType(response)).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldAcceptEveryJsonBodyTypeWithOrWithoutParameters() {
        List<String> types = List.of(
                "application/vnd.schemaregistry.v1+json",
                "application/vnd.schemaregistry+json",
                "application/json; charset=utf-8",
                "application/octet-stream");
        for (String type : types) {
            Reply response = post("/subjects/s/versions", "{\"schema\":\"x\"}", "Content-Type", type);

            assertThat(response.status()).as(type).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"schema\":\"x\"}");
        }
        assertThat(post("/subjects/s/versions", "{\"schema\":\"x\"}").status())
                .as("no Content-Type")
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerGeneric404And405() {
        Reply unknown = get("/nowhere");
        Reply wrongMethod = http().send("PATCH", "/subjects/s/versions", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}");
    }

    @Test
    void shouldAnswerJsonWhenJettyRejectsAUriBeforeRouting() {
        Reply response = get("/subjects/%00/versions");

        assertThat(response.status()).isEqualTo(400);
        assertThat(contentType(response)).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(response.body()).isEqualTo("{\"error_code\":400,\"message\":\"HTTP 400 Bad Request\"}");
    }

    @Test
    void shouldAnswer400WithJacksonsMessageForBadJson() {
        Reply syntax = post("/subjects/s/versions", "{x", "Content-Type", "application/json");
        Reply shape = post("/subjects/s/versions", "{\"schema\":{\"a\":1}}");

        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.body()).startsWith("{\"error_code\":400,\"message\":\"Unexpected character ('x'");
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.body()).contains("\"error_code\":400").doesNotContain("for Object starting at");
    }

    @Test
    void shouldMapRegistryErrorsAndBugs() {
        Reply missing = get("/missing");
        Reply later = get("/later");
        Reply bug = get("/boom");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}");
        assertThat(later.status()).isEqualTo(404);
        assertThat(later.body()).isEqualTo("{\"error_code\":40402,\"message\":\"Version 3 not found.\"}");
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.body()).contains("\"error_code\":500");
    }

    @Test
    void shouldSendConfluentsResponseHeaders() {
        Reply echoed = get("/subjects/s/versions", "X-Request-ID", "abc-1");
        Reply generated = get("/nowhere");

        assertThat(echoed.headers().firstValue("X-Request-ID")).contains("abc-1");
        String generatedId = generated.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(java.util.UUID.fromString(generatedId).version()).isEqualTo(4);
        assertThat(java.util.UUID.fromString(generatedId).variant()).isEqualTo(2);
        assertThat(echoed.headers().firstValue("X-XSS-Protection")).contains("1; mode=block");
        assertThat(echoed.headers().firstValue("Cache-Control")).contains("no-cache, no-store, must-revalidate");
        assertThat(echoed.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void shouldOmitNullsFromBodies() {
        assertThat(get("/subjects/s/versions").body()).isEqualTo("{\"subject\":\"s\"}");
    }

    @Test
    void shouldRoutePercentEncodedSubjects() {
        Map<String, String> subjects = Map.of(
                "a%2Fb", "a/b",
                "%22q%22", "\"q\"",
                "%7Bx%7D", "{x}",
                "it%27s", "it's",
                "c%3Ad", "c:d",
                "p%25q", "p%q",
                "a+b", "a+b",
                "a%2Bb%20c", "a+b c");
        for (Map.Entry<String, String> subject : subjects.entrySet()) {
            Reply response = get("/subjects/" + subject.getKey() + "/versions");

            assertThat(response.status()).as(subject.getKey()).isEqualTo(200);
            assertThat(response.json().get("subject").asText()).isEqualTo(subject.getValue());
        }
    }

    @Test
    void shouldRewriteContextPrefixes() {
        Reply subject = get("/contexts/.ctx/subjects/s/versions");
        Reply list = get("/contexts/ctx/subjects?deleted=true");
        Reply config = get("/contexts/.ctx/config");
        Reply bad = get("/contexts/b%20d/subjects");

        assertThat(subject.body()).isEqualTo("{\"subject\":\":.ctx:s\"}");
        assertThat(list.body()).isEqualTo("{\"query\":\"deleted=true&subjectPrefix=:.ctx:\"}");
        assertThat(config.body()).isEqualTo("{\"subject\":\":.ctx:\"}");
        assertThat(bad.status()).isEqualTo(400);
    }
}
