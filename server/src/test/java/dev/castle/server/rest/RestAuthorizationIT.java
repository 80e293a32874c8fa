package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.embedded.EmbeddedKafka;
import dev.castle.server.Castle;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        String unique = "rest_auth_" + System.nanoTime();
        Map<String, String> config = new HashMap<>(extra);
        config.put("kafkastore.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafkastore.topic", "_schemas_" + unique);
        config.put("schema.registry.group.id", unique);
        config.put("listeners", "http://127.0.0.1:0");
        config.put("rest.listeners", "http://127.0.0.1:0");
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

    private static HttpResponse<String> send(
            Castle castle, String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + castle.restPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", RestApi.V2)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
    void shouldAskForCredentialsWithKarapacesAnswer() throws Exception {
        for (String authorization : new String[] {null, "Digest abc", "Bearer not-a-jwt"}) {
            HttpResponse<String> reply = send(plain, "GET", "/brokers", authorization, null);

            assertThat(reply.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Karapace REST Proxy\"");
        }
    }

    @Test
    void shouldWorkWithTheCallersPlainCredentials() throws Exception {
        String topic = TestKafka.uniqueName("alice");

        HttpResponse<String> brokers = send(plain, "GET", "/brokers", basic("alice", "alice-secret"), null);
        HttpResponse<String> produced = send(
                plain,
                "POST",
                "/topics/" + topic,
                basic("alice", "alice-secret"),
                "{\"records\":[{\"value\":\"YQ==\"}]}");

        assertThat(brokers.statusCode()).isEqualTo(200);
        assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
    }

    @Test
    void shouldForbidCredentialsKafkaRefuses() throws Exception {
        HttpResponse<String> reply = send(plain, "GET", "/topics", basic("alice", "wrong"), null);

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void shouldKeepConsumersOfOneCallerFromAnother() throws Exception {
        String group = TestKafka.uniqueName("private");
        HttpResponse<String> created =
                send(plain, "POST", "/consumers/" + group, basic("alice", "alice-secret"), "{\"name\":\"mine\"}");
        String instance = "/consumers/" + group + "/instances/mine/subscription";

        HttpResponse<String> own = send(plain, "GET", instance, basic("alice", "alice-secret"), null);
        HttpResponse<String> other = send(plain, "GET", instance, basic("carol", "carol-secret"), null);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("40403");
    }

    @Test
    void shouldPassABearerTokenAsOauthBearer() throws Exception {
        HttpResponse<String> reply = send(plain, "GET", "/brokers", "Bearer " + unsignedToken("dave"), null);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void shouldUseScramWhenConfigured() throws Exception {
        HttpResponse<String> good = send(scram, "GET", "/brokers", basic("bob", "bob-secret"), null);
        HttpResponse<String> plainUser = send(scram, "GET", "/brokers", basic("alice", "alice-secret"), null);

        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(plainUser.statusCode()).isEqualTo(403);
    }
}
