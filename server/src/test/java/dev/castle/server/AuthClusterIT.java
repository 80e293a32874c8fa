package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.auth.Mkpasswd;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both sides of a forwarded write enforce the authfile (spec §9): the follower checks the caller before it forwards,
 * and the leader, which gets the caller's {@code Authorization}, checks again with its own rules (a subject the caller
 * may not write is answered as a missing one, 40401, as on a single node). Here the follower's
 * file lets aladdin write any subject and the leader's only {@code cave-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthClusterIT {
    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Lamp\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"wishes\\\",\\\"type\\\":\\\"int\\\"}]}\"}";

    private Cluster cluster;
    private Castle leader;
    private Castle follower;

    @BeforeAll
    void start() throws IOException {
        Path strict = Files.createTempFile("castle-leader-authfile", ".json");
        Files.writeString(strict, authfile("Subject:cave-.*"));
        Path lenient = Files.createTempFile("castle-follower-authfile", ".json");
        Files.writeString(lenient, authfile("Subject:.*"));
        Map<String, String> overrides = new HashMap<>();
        cluster = Cluster.start(overrides);
        overrides.put("registry.authfile", strict.toString());
        leader = cluster.startNode(true);
        overrides.put("registry.authfile", lenient.toString());
        follower = cluster.startNode(false);
        assertThat(cluster.awaitLeader(Duration.ofSeconds(30))).isSameAs(leader);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void shouldLetTheLeaderRefuseAWriteTheFollowerAllowed() {
        // when aladdin writes through the follower, whose rules allow any subject
        TestHttp aladdin = as(follower, "aladdin", "opensesame");
        Reply palace = aladdin.post("/subjects/palace-value/versions", SCHEMA);
        Reply cave = aladdin.post("/subjects/cave-value/versions", SCHEMA);
        Reply anonymous = TestNodes.registryClient(follower).post("/subjects/cave-value/versions", SCHEMA);

        // then the leader's rules decide: there palace is a subject aladdin may not write, answered as a missing one as
        // on
        // a single node (the forwarded answer carries Confluent's "; error code" suffix); cave is allowed; and the
        // follower itself asks for credentials
        assertThat(palace.status()).as(palace.body()).isEqualTo(404);
        assertThat(palace.body())
                .isEqualTo(
                        "{\"error_code\":40401,\"message\":\"Subject 'palace-value' not found.; error code: 40401\"}");
        assertThat(as(leader, "admin", "admin")
                        .get("/subjects/palace-value/versions")
                        .status())
                .isEqualTo(404);
        assertThat(cave.status()).as(cave.body()).isEqualTo(200);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /** admin may do anything; aladdin may write {@code aladdinMayWrite}. */
    private static String authfile(String aladdinMayWrite) {
        return """
                {"users": [%s, %s],
                 "permissions": [
                   {"username": "admin", "operation": "Write", "resource": ".*"},
                   {"username": "aladdin", "operation": "Write", "resource": "%s"}
                 ]}
                """
                .formatted(user("admin", "admin"), user("aladdin", "opensesame"), aladdinMayWrite);
    }

    private static String user(String name, String password) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        Mkpasswd.run(
                new String[] {"-u", name, "-a", "sha256", password},
                new PrintStream(entry, true, StandardCharsets.UTF_8),
                System.err);
        return entry.toString(StandardCharsets.UTF_8);
    }

    /** A client of the node's registry that sends this user's credentials. */
    private static TestHttp as(Castle node, String user, String password) {
        return TestHttp.to(
                node.url(), "Content-Type", TestNodes.V1_JSON, "Authorization", TestHttp.basic(user, password));
    }
}
