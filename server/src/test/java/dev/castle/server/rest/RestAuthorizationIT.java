package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.embedded.EmbeddedKafka;
import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authorization pass-through (spec kafka-rest-api §9) against a real broker that takes SASL PLAIN, SCRAM-SHA-256 and
 * OAUTHBEARER: Kafka authenticates each caller with the credentials of its own {@code Authorization} header.
 */
class RestAuthorizationIT {
    private static EmbeddedKafka kafka;
    private static Castle plain;
    private static Castle scram;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startWithSasl(
                Files.createTempDirectory("castle-sasl-kafka"),
                Map.of("alice", "alice-secret", "carol", "carol-secret"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            "bob", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), "bob-secret")))
                    .all()
                    .get();
        }
        plain = start(Map.of());
        scram = start(Map.of("rest.client.sasl.mechanism", "SCRAM-SHA-256"));
    }

    private static Castle start(Map<String, String> extra) {
        Map<String, String> config = TestNodes.withRestProxy("rest_auth");
        config.putAll(extra);
        config.put("kafkastore.bootstrap.servers", kafka.bootstrapServers());
        config.put("rest.authorization.pass.through", "true");
        config.put("rest.sasl.bootstrap.servers", kafka.saslBootstrapServers());
        return Castle.start(config);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {plain, scram, kafka}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    /** A REST Proxy request with this {@code Authorization} header (none when null). */
    private static Reply send(Castle castle, String method, String path, String authorization, String body) {
        return TestNodes.restClient(castle)
                .send(method, path, body, "Content-Type", RestApi.V2, "Authorization", authorization);
    }

    /** An unsigned JWT, which the broker's unsecured OAUTHBEARER validator accepts. */
    private static String unsignedToken(String subject) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(
                ("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    @Test
    void shouldAskForCredentialsWithKarapacesAnswer() {
        for (String authorization : new String[] {null, "Digest abc", "Bearer not-a-jwt"}) {
            Reply reply = send(plain, "GET", "/brokers", authorization, null);

            assertThat(reply.status()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            assertThat(reply.header("WWW-Authenticate")).hasValue("Basic realm=\"Karapace REST Proxy\"");
        }
    }

    @Test
    void shouldWorkWithTheCallersPlainCredentials() {
        String topic = TestKafka.uniqueName("alice");

        Reply brokers = send(plain, "GET", "/brokers", TestHttp.basic("alice", "alice-secret"), null);
        Reply produced = send(
                plain,
                "POST",
                "/topics/" + topic,
                TestHttp.basic("alice", "alice-secret"),
                "{\"records\":[{\"value\":\"YQ==\"}]}");

        assertThat(brokers.status()).isEqualTo(200);
        assertThat(produced.status()).as(produced.body()).isEqualTo(200);
    }

    @Test
    void shouldForbidCredentialsKafkaRefuses() {
        Reply reply = send(plain, "GET", "/topics", TestHttp.basic("alice", "wrong"), null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void shouldKeepConsumersOfOneCallerFromAnother() {
        String group = TestKafka.uniqueName("private");
        Reply created = send(
                plain, "POST", "/consumers/" + group, TestHttp.basic("alice", "alice-secret"), "{\"name\":\"mine\"}");
        String instance = "/consumers/" + group + "/instances/mine/subscription";

        Reply own = send(plain, "GET", instance, TestHttp.basic("alice", "alice-secret"), null);
        Reply other = send(plain, "GET", instance, TestHttp.basic("carol", "carol-secret"), null);

        assertThat(created.status()).isEqualTo(200);
        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("40403");
    }

    @Test
    void shouldPassABearerTokenAsOauthBearer() {
        Reply reply = send(plain, "GET", "/brokers", "Bearer " + unsignedToken("dave"), null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void shouldUseScramWhenConfigured() {
        Reply good = send(scram, "GET", "/brokers", TestHttp.basic("bob", "bob-secret"), null);
        Reply plainUser = send(scram, "GET", "/brokers", TestHttp.basic("alice", "alice-secret"), null);

        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(plainUser.status()).isEqualTo(403);
    }
}
