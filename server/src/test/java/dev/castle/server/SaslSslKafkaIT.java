package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.embedded.EmbeddedKafka;
import dev.castle.server.tls.TestCertificates;
import dev.castle.server.tls.TestCertificates.Identity;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Castle as a client of a broker that takes only SASL_SSL on the listener it is given: a SCRAM user and a self-signed
 * broker certificate made in the test, passed through {@code kafkastore.*} to every Kafka client of the registry and,
 * inherited, of the REST Proxy.
 */
class SaslSslKafkaIT {
    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static Path trustStore;

    @BeforeAll
    static void startBroker() throws Exception {
        Identity broker = TestCertificates.create(dir, "broker");
        trustStore = TestCertificates.trustStore(dir.resolve("broker-trust.p12"), broker);
        kafka = EmbeddedKafka.startWithSaslSsl(
                Files.createDirectories(dir.resolve("kafka")), broker.keyStore(), TestCertificates.PASSWORD);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            "castle", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "castle-secret")))
                    .all()
                    .get();
            admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldRegisterReadBackAndProduceThroughASaslSslBroker() throws Exception {
        // given Castle pointed at the SASL_SSL listener only
        try (Castle castle = Castle.start(config("castle-secret"))) {
            TestHttp registry = TestNodes.registryClient(castle);

            // when a schema is registered and read back, and the REST Proxy produces a record
            Reply registered =
                    registry.post("/subjects/secure-value/versions", Node.registerBody(Node.avroRecord("Secure")));
            Reply read = registry.get("/subjects/secure-value/versions/1");
            Reply produced = TestNodes.restClient(castle)
                    .send(
                            "POST",
                            "/topics/orders",
                            "{\"records\":[{\"value\":{\"id\":7}}]}",
                            "Content-Type",
                            "application/vnd.kafka.json.v2+json");

            // then
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            assertThat(read.body()).contains("\"subject\":\"secure-value\"", "\"version\":1");
            assertThat(produced.status()).as(produced.body()).isEqualTo(200);
            assertThat(values("orders")).containsExactly("{\"id\":7}");
        }
    }

    @Test
    void shouldFailToStartWithAPasswordTheBrokerRefuses() {
        assertThatThrownBy(() -> Castle.start(config("wrong-secret")))
                .hasMessageContaining("Cannot reach Kafka at " + kafka.saslBootstrapServers())
                .rootCause()
                .hasMessageContaining("Authentication failed");
    }

    private static Map<String, String> config(String password) {
        Map<String, String> config = TestNodes.withRestProxy("sasl-ssl");
        config.put("kafkastore.bootstrap.servers", kafka.saslBootstrapServers());
        config.put("kafkastore.security.protocol", "SASL_SSL");
        config.put("kafkastore.sasl.mechanism", "SCRAM-SHA-512");
        config.put(
                "kafkastore.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"castle\" password=\""
                        + password + "\";");
        config.put("kafkastore.ssl.truststore.location", trustStore.toString());
        config.put("kafkastore.ssl.truststore.type", "PKCS12");
        config.put("kafkastore.ssl.truststore.password", TestCertificates.PASSWORD);
        config.put("kafkastore.topic.replication.factor", "1");
        return config;
    }

    /** The values of the topic's partition 0, read over the plain listener. */
    private static List<String> values(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
