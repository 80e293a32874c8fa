package dev.castle.server.api;

import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the API shows of records another registry wrote to {@code _schemas} (spec §5.2–5.4, §12 item 48). */
class TopicIT {
    private static Api api;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        api = Api.start("topic");
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static String key(String subject, int version) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":" + TestHttp.json(subject) + ",\"version\":" + version
                + ",\"magic\":1}";
    }

    private static String value(String subject, int version, int id, String schema) {
        return "{\"subject\":" + TestHttp.json(subject) + ",\"version\":" + version + ",\"id\":" + id + ",\"schema\":"
                + TestHttp.json(schema) + ",\"deleted\":false}";
    }

    private static void produce(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(api.topic(), 0, key, value)).get();
    }

    /** Writes a marker schema after the records under test and waits until the node has folded it. */
    private static void awaitFolded() throws Exception {
        String marker = subject("marker");
        produce(key(marker, 1), value(marker, 1, 9999, Avro.record("Marker", "a:int")));
        Await.until(
                () -> api.get("/subjects/" + marker + "/versions").status() == 200,
                Duration.ofSeconds(30),
                "the marker to be folded");
    }

    @Test
    void shouldServeSchemaWrittenByConfluent() throws Exception {
        String s = subject("foreign");
        String schema = Avro.record("Foreign", "a:int");
        produce(key(s, 1), value(s, 1, 700, schema));
        awaitFolded();

        Reply version = api.get("/subjects/" + s + "/versions/1");

        assertOk(version);
        assertThat(version.json().path("id").asInt()).isEqualTo(700);
        assertThat(api.get("/schemas/ids/700").json().path("schema").asText()).isEqualTo(schema);
        assertThat(api.register(s, schema)).isEqualTo(700);
    }

    @Test
    void shouldForgetSchemaTombstonedWithoutSoftDeleteAndRegisterAfterwards() throws Exception {
        String s = subject("odd-delete");
        produce(key(s, 1), value(s, 1, 800, Avro.record("OddDelete", "a:int")));
        produce(key(s, 1), null);
        awaitFolded();

        assertThat(api.get("/subjects?deleted=true").strings()).doesNotContain(s);
        assertError(api.get("/schemas/ids/800"), 404, 40403, "Schema 800 not found");

        Reply registered = api.post("/subjects/" + s + "/versions", Api.schemaBody(Avro.record("OddDelete", "a:int")));
        assertOk(registered);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }
}
