package dev.castle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.TestNodes;
import dev.castle.server.auth.Mkpasswd;
import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Authentication and authorization of the registry with Karapace's authfile (spec §9, §12 item 52): admin may do
 * anything, aladdin may write {@code cave-*}, reader may read {@code carpet-*}, ops (made by {@code mkpasswd}) may read
 * the config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthIT {
    private static final String[] ADMIN = basic("admin", "admin");
    private static final String[] ALADDIN = basic("aladdin", "opensesame");
    private static final String[] READER = basic("reader", "secret");
    private static final String[] OPS = basic("ops", "ops-password");
    private static final String SCHEMA = Avro.record("Lamp", "wishes:int");

    private Path authfile;
    private Api api;

    static String[] basic(String user, String password) {
        return new String[] {"Authorization", TestHttp.basic(user, password)};
    }

    /** The README's example authfile, plus a user made by {@code castle.jar mkpasswd}, plus {@code extraRules}. */
    static String authfile(String extraRules) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        Mkpasswd.run(
                new String[] {"-u", "ops", "-a", "sha256", "ops-password"},
                new PrintStream(entry, true, StandardCharsets.UTF_8),
                System.err);
        return """
                {"users": [
                  {"username": "admin", "algorithm": "scrypt", "salt": "adminsalt",
                   "password_hash": "AG7+ttm/skHjqEZ90yzEkgjy75yaqoucNnQPIP2S++1rYOPXEtm4+AF7WdDGj+J0sIPFdYC9nXYsvkB1xYDYkw=="},
                  {"username": "aladdin", "algorithm": "sha512", "salt": "salt",
                   "password_hash": "uofa7Uw+IolY0GDeCQApTVAUPlBthFYPFQ+QN+kKtXBzSwddiyLrNnIC2UQcA5X+hCL/mHNNqEMA30oIM4oqxA=="},
                  {"username": "reader", "algorithm": "sha1", "salt": "third-salt",
                   "password_hash": "SeUTCvKCE8rj6lHFkyFkhopktuY="},
                  %s
                ],
                "permissions": [
                  {"username": "admin", "operation": "Write", "resource": ".*"},
                  {"username": "aladdin", "operation": "Write", "resource": "Subject:cave-.*"},
                  {"username": "reader", "operation": "Read", "resource": "Subject:carpet-.*"},
                  {"username": "ops", "operation": "Read", "resource": "Config:"}
                  %s
                ]}
                """
                .formatted(entry.toString(StandardCharsets.UTF_8), extraRules);
    }

    @BeforeAll
    void start() throws IOException {
        authfile = Files.createTempFile("castle-authfile", ".json");
        Files.writeString(authfile, authfile(""));
        api = Api.start("auth", Map.of("registry.authfile", authfile.toString()));
    }

    @AfterAll
    void stop() throws IOException {
        api.close();
        Files.deleteIfExists(authfile);
    }

    private Reply get(String path, String[] user) {
        return api.send("GET", path, null, Api.V1_JSON, null, user);
    }

    private Reply send(String method, String path, String body, String[] user) {
        return api.send(method, path, body, Api.V1_JSON, body == null ? null : Api.V1_JSON, user);
    }

    private Reply register(String subject, String[] user) {
        return register(subject, user, SCHEMA);
    }

    private Reply register(String subject, String[] user, String schema) {
        return send("POST", "/subjects/" + TestHttp.encode(subject) + "/versions", Api.schemaBody(schema), user);
    }

    @Test
    @Order(1)
    void shouldAskForCredentialsWithABasicChallenge() {
        for (String[] who : new String[][] {
            {}, basic("aladdin", "wrong"), basic("nobody", "secret"), {"Authorization", "Bearer abc"}
        }) {
            Reply reply = get("/subjects", who);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
            assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"Schema Registry\"");
        }
        assertThat(send("POST", "/subjects/cave-x/versions", Api.schemaBody(SCHEMA), new String[0])
                        .status())
                .isEqualTo(401);
    }

    @Test
    @Order(1)
    void shouldServeLivenessAndSchemaTypesWithoutCredentials() {
        assertThat(get("/", new String[0]).status()).isEqualTo(200);
        assertThat(get("/schemas/types", new String[0]).status()).isEqualTo(200);
        assertThat(get("/schemas/types", ADMIN).status()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void shouldForbidTheConfigToUsersWithoutRightsOnIt() {
        Reply denied = get("/config", ALADDIN);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"error_code\":403,\"message\":\"Forbidden\"}");
        assertThat(send("PUT", "/config", "{\"compatibility\":\"NONE\"}", ALADDIN)
                        .status())
                .isEqualTo(403);
        assertThat(get("/mode", READER).status()).isEqualTo(403);
        assertThat(get("/config", OPS).status()).isEqualTo(200);
        assertThat(send("PUT", "/config", "{\"compatibility\":\"NONE\"}", OPS).status())
                .isEqualTo(403);
        assertThat(send("PUT", "/config", "{\"compatibility\":\"BACKWARD\"}", ADMIN)
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void shouldAnswerASubjectTheUserMayNotReadAsAMissingOne() {
        String forbidden = Api.subject("carpet");
        String missing = Api.subject("carpet");
        assertThat(register(forbidden, ADMIN).status()).isEqualTo(200);
        String lookup = Api.schemaBody(SCHEMA);
        String[][] probes = {
            {"GET", "/subjects/%s/versions", null},
            {"GET", "/subjects/%s/versions/latest", null},
            {"GET", "/subjects/%s/versions/1/schema", null},
            {"GET", "/subjects/%s/versions/1/referencedby", null},
            {"POST", "/subjects/%s", lookup},
            {"POST", "/subjects/%s/versions", lookup},
            {"DELETE", "/subjects/%s", null},
            {"DELETE", "/subjects/%s/versions/1", null},
            {"GET", "/config/%s", null},
            {"PUT", "/config/%s", "{\"compatibility\":\"NONE\"}"},
            {"GET", "/mode/%s", null},
            {"POST", "/compatibility/subjects/%s/versions/latest", lookup},
        };
        for (String[] probe : probes) {
            Reply toForbidden = send(probe[0], probe[1].formatted(TestHttp.encode(forbidden)), probe[2], ALADDIN);
            Reply toMissing = send(probe[0], probe[1].formatted(TestHttp.encode(missing)), probe[2], ALADDIN);

            assertThat(toForbidden.status()).as("%s %s", probe[0], probe[1]).isEqualTo(toMissing.status());
            assertThat(toForbidden.body().replace(forbidden, missing))
                    .as("%s %s", probe[0], probe[1])
                    .isEqualTo(toMissing.body());
        }
        Reply versions = send("GET", "/subjects/" + TestHttp.encode(forbidden) + "/versions", null, ALADDIN);
        assertThat(versions.body())
                .isEqualTo("{\"error_code\":40401,\"message\":\"Subject '" + forbidden + "' not found.\"}");
        assertThat(get("/subjects/" + TestHttp.encode(forbidden) + "/versions", ADMIN)
                        .ints())
                .containsExactly(1);
    }

    @Test
    @Order(1)
    void shouldHideAnIdThatOnlyForbiddenSubjectsCarry() {
        // a schema of this test's own, so that no other test's subject carries its id
        String schema = Avro.record("Hidden", "lamp:int");
        String carpet = Api.subject("carpet");
        int id = register(carpet, ADMIN, schema).id();
        String unused = Integer.toString(id + 1000);

        Reply hidden = get("/schemas/ids/" + id, ALADDIN);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(Integer.toString(id), unused))
                .isEqualTo(get("/schemas/ids/" + unused, ADMIN).body());
        assertThat(get("/schemas/ids/" + id + "/versions", ALADDIN).errorCode()).isEqualTo(40403);
        assertThat(get("/schemas/ids/" + id, READER).status()).isEqualTo(200);

        String cave = Api.subject("cave");
        assertThat(register(cave, ALADDIN, schema).id()).isEqualTo(id);
        assertThat(get("/schemas/ids/" + id, ALADDIN).status()).isEqualTo(200);
        assertThat(get("/schemas/ids/" + id + "/subjects", ALADDIN).strings()).containsExactly(cave);
        assertThat(get("/schemas/ids/" + id + "/subjects", ADMIN).strings()).containsExactlyInAnyOrder(carpet, cave);
    }

    @Test
    @Order(1)
    void shouldListOnlyTheSubjectsTheUserMayRead() {
        String cave = Api.subject("cave");
        String carpet = Api.subject("carpet");
        assertThat(register(cave, ALADDIN).status()).isEqualTo(200);
        assertThat(register(carpet, ADMIN).status()).isEqualTo(200);

        assertThat(get("/subjects", ALADDIN).strings()).contains(cave).allMatch(s -> s.startsWith("cave-"));
        assertThat(get("/subjects", READER).strings()).contains(carpet).allMatch(s -> s.startsWith("carpet-"));
        assertThat(get("/subjects", ADMIN).strings()).contains(cave, carpet);
        assertThat(get("/subjects?limit=1", ALADDIN).strings()).hasSize(1).allMatch(s -> s.startsWith("cave-"));
        assertThat(get("/schemas", ALADDIN).json())
                .isNotEmpty()
                .allMatch(entry -> entry.path("subject").asText().startsWith("cave-"));
        assertThat(get("/contexts", ALADDIN).strings()).containsExactly(".");
    }

    @Test
    @Order(1)
    void shouldLetAReaderReadButNotWrite() {
        String carpet = Api.subject("carpet");
        assertThat(register(carpet, ADMIN).status()).isEqualTo(200);

        assertThat(get("/subjects/" + TestHttp.encode(carpet) + "/versions", READER)
                        .ints())
                .containsExactly(1);
        Reply write = register(carpet, READER);
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.errorCode()).isEqualTo(40401);
        assertThat(send("DELETE", "/subjects/" + TestHttp.encode(carpet), null, READER)
                        .errorCode())
                .isEqualTo(40401);
    }

    @Test
    @Order(1)
    void shouldAuditEachAcceptedWriteOnItsOwnLogger() {
        String cave = Api.subject("cave");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Reply reply;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            reply = register(cave, ALADDIN);
        } finally {
            System.setErr(stderr);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains("castle.audit"))).hasSize(1);
        assertThat(log)
                .contains("castle.audit - {\"user\":\"aladdin\",\"method\":\"POST\",\"path\":\"/subjects/" + cave
                        + "/versions\",\"subject\":\"" + cave + "\",\"status\":200,\"id\":" + reply.id());
    }

    @Test
    @Order(1)
    void shouldLeaveTheProbesAndMetricsOpenByDefault() {
        for (String path : new String[] {"/health/live", "/health/ready", "/_health", "/metrics"}) {
            assertThat(get(path, new String[0]).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void shouldAskForCredentialsForMetricsWhenConfiguredTo() throws IOException {
        try (Api guarded = Api.start(
                "auth_metrics",
                Map.of("registry.authfile", authfile.toString(), "castle.metrics.authenticate", "true"))) {
            Reply anonymous = guarded.send("GET", "/metrics", null, null, null);
            Reply reader = guarded.send("GET", "/metrics", null, null, null, READER);

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).contains("Basic realm=\"Schema Registry\"");
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.body()).contains("http_server_requests_seconds");
            assertThat(guarded.send("GET", "/health/ready", null, null, null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void shouldApplyAChangedAuthfileAndKeepItWhenTheNextDoesNotParse() throws Exception {
        String carpet = Api.subject("carpet");
        assertThat(register(carpet, READER).status()).isEqualTo(404);

        replaceAuthfile(
                authfile(",{\"username\": \"reader\", \"operation\": \"Write\", \"resource\": \"Subject:carpet-\"}"));
        awaitStatus(() -> register(carpet, READER).status(), 200);
        double applied = authfileReloads("applied");
        double refused = authfileReloads("refused");
        assertThat(applied).isGreaterThanOrEqualTo(1);

        replaceAuthfile("{\"users\": [");
        Await.until(() -> authfileReloads("refused") > refused, Duration.ofSeconds(15), "the broken authfile refused");
        assertThat(register(Api.subject("carpet"), READER).status()).isEqualTo(200);
        assertThat(authfileReloads("applied")).isEqualTo(applied);
    }

    /** {@code castle_authfile_reloads_total} with this result, as {@code /metrics} shows it. */
    private double authfileReloads(String result) {
        Reply scrape = api.send("GET", "/metrics", null, null, null);
        assertThat(scrape.status()).isEqualTo(200);
        return TestNodes.metric(scrape.body(), "castle_authfile_reloads_total{result=\"" + result + "\"}")
                .orElseThrow();
    }

    private void replaceAuthfile(String content) throws IOException {
        Path next = Files.createTempFile(authfile.getParent(), "castle-authfile", ".next");
        Files.writeString(next, content);
        Files.move(next, authfile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitStatus(java.util.function.IntSupplier status, int expected) throws InterruptedException {
        Await.until(() -> status.getAsInt() == expected, Duration.ofSeconds(15), "status " + expected);
    }
}
