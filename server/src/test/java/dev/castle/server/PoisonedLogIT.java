package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A poisoned {@code _schemas} topic never takes a node down (DESIGN §4, spec §12 item 53): records Castle cannot decode,
 * or that contradict the log, are skipped, the node still becomes ready when the last record is malformed, and it goes
 * on serving and accepting writes with ids after the highest valid one.
 */
class PoisonedLogIT {
    /** How many of the records {@link #poison} writes the fold must skip. */
    private static final int SKIPPED = 7;

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String schemaKey(String subject, int version) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":" + version + ",\"magic\":1}";
    }

    private static String schemaValue(String subject, int version, int id, String schema) {
        return "{\"subject\":\"" + subject + "\",\"version\":" + version + ",\"id\":" + id + ",\"schema\":\""
                + schema.replace("\"", "\\\"") + "\",\"deleted\":false}";
    }

    private static void poison(String topic) throws Exception {
        TestKafka.createTopic(topic, 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        List<String[]> records = List.of(
                new String[] {schemaKey("good", 1), schemaValue("good", 1, 7, "\"string\"")},
                new String[] {"{not json", schemaValue("bad-key", 1, 8, "\"int\"")},
                new String[] {schemaKey("bad-value", 1), "{\"subject\": [oops"},
                new String[] {"", ""},
                new String[] {"{\"keytype\":\"WHATEVER\",\"magic\":0}", "{}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"x\",\"version\":1,\"magic\":7}", "{}"},
                // id 7 is already bound to "string": a record binding it to other content is refused
                new String[] {schemaKey("conflict", 1), schemaValue("conflict", 1, 7, "\"long\"")},
                new String[] {schemaKey("good", 2), "not json at all"});
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String[] record : records) {
                producer.send(new ProducerRecord<>(topic, 0, utf8(record[0]), utf8(record[1])))
                        .get();
            }
        }
    }

    @Test
    void shouldSkipPoisonedRecordsAndKeepServing() throws Exception {
        // given a topic whose records are mostly poison, the last one included
        Map<String, String> config = TestNodes.registry("poisoned");
        poison(config.get("kafkastore.topic"));

        // when a node starts on it
        try (Castle castle = Castle.start(config)) {
            TestHttp http = TestNodes.registryClient(castle);

            // then it is ready, serves the valid record, and ignored the rest
            assertThat(http.get("/schemas/ids/7").body())
                    .isEqualTo("{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
            assertThat(http.get("/subjects").body()).isEqualTo("[\"good\"]");
            assertThat(http.get("/subjects/conflict/versions").status()).isEqualTo(404);
            // counted where an operator sees it: every record after the first, the conflicting one included
            String metrics = http.get("/metrics").body();
            assertThat(TestNodes.metric(metrics, "castle_fold_skipped_records_total"))
                    .hasValue(SKIPPED);
            assertThat(http.get("/health/ready").status()).isEqualTo(200);

            // and it accepts writes, with ids after the highest valid one
            Reply registered = http.post("/subjects/fresh/versions", "{\"schema\":\"\\\"bytes\\\"\"}");
            assertThat(registered.status()).isEqualTo(200);
            assertThat(registered.body()).isEqualTo("{\"id\":8,\"guid\":\"b462f06c-b909-be57-c850-08867784cde6\"}");
        }
    }
}
