package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Produce with the binary and json formats, and every malformed request (spec kafka-rest-api §3.4, §12). */
class RestProduceIT {
    private static RestApi api;

    @BeforeAll
    static void start() {
        api = RestApi.start("rest_produce");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldProduceBinaryAndJsonRecordsThatKafkaHolds() {
        String topic = RestApi.createTopic("produced", 1);

        Reply binary = api.post(
                "/topics/" + topic, RestApi.BINARY, "{\"records\":[{\"key\":\"aw==\",\"value\":\"Zm9vCg==\"}]}");
        Reply json = api.post(
                "/topics/" + topic + "/partitions/0", RestApi.JSON, "{\"records\":[{\"value\":{\"foo\":\"bar\"}}]}");

        assertThat(binary.status()).isEqualTo(200);
        assertThat(binary.body())
                .isEqualTo(
                        "{\"key_schema_id\":null,\"offsets\":[{\"offset\":0,\"partition\":0}],\"value_schema_id\":null}");
        assertThat(json.json().at("/offsets/0/offset").asLong()).isEqualTo(1);
        List<ConsumerRecord<byte[], byte[]>> records = TestKafka.records(topic, IsolationLevel.READ_COMMITTED);
        assertThat(records).hasSize(2);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("k");
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("foo\n");
        assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("{\"foo\":\"bar\"}");
        assertThat(records.get(1).key()).isNull();
    }

    @Test
    void shouldPutEveryRecordOnThePartitionOfTheUrl() {
        String topic = RestApi.createTopic("forced", 3);

        Reply reply = api.post(
                "/topics/" + topic + "/partitions/2",
                RestApi.BINARY,
                "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"Yg==\",\"partition\":0}]}");

        assertThat(reply.json().findValuesAsText("partition")).containsExactly("2", "2");
    }

    @Test
    void shouldSpreadKeylessRecordsOverPartitions() {
        String topic = RestApi.createTopic("spread", 20);
        String value = java.util.Base64.getEncoder().encodeToString(new byte[1000]);
        String records = "{\"records\":["
                + String.join(",", java.util.Collections.nCopies(10, "{\"value\":\"" + value + "\"}")) + "]}";
        Set<Integer> partitions = new HashSet<>();

        for (int i = 0; i < 10; i++) {
            Reply reply = api.post("/topics/" + topic, RestApi.BINARY, records);
            reply.json()
                    .get("offsets")
                    .forEach(offset -> partitions.add(offset.get("partition").asInt()));
        }

        assertThat(partitions)
                .as("Kafka's sticky partitioner moves on once a batch is full")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldAnswerEachRecordOfAMissingPartitionWithARetriableError() {
        String topic = RestApi.createTopic("internal", 1);

        Reply reply = api.post(
                "/topics/" + topic,
                RestApi.BINARY,
                "{\"records\":[{\"value\":\"YQ==\",\"partition\":100},{\"value\":\"Yg==\"}]}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/offsets/0/error_code").asInt()).isEqualTo(2);
        assertThat(reply.json().at("/offsets/0/error").asText()).contains("does not exist on this broker");
        assertThat(reply.json().at("/offsets/1/offset").asLong()).isEqualTo(0);
    }

    @Test
    void shouldRefuseMalformedRequestsAndWriteNothing() {
        String topic = RestApi.createTopic("malformed", 1);
        String path = "/topics/" + topic;

        assertThat(api.post(path, RestApi.BINARY, "{\"records\":[]}").errorCode())
                .isEqualTo(422);
        assertThat(api.post(path, RestApi.BINARY, "{\"foo\":\"bar\"}").errorCode())
                .isEqualTo(422);
        assertThat(api.post(path, RestApi.BINARY, "{\"records\":[{\"valur\":\"YQ==\"}]}")
                        .errorCode())
                .isEqualTo(422);
        Reply notBase64 =
                api.post(path, RestApi.BINARY, "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"not base64\"}]}");
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.errorCode()).isEqualTo(400);
        assertThat(api.post(path, RestApi.BINARY, "{\"records\":\"string\"}").message())
                .isEqualTo("'records' must be an array");
        assertThat(api.post(path, RestApi.BINARY, "{\"records\":[\"string\"]}").message())
                .isEqualTo("Produce record must be an object");
        assertThat(api.post(path, RestApi.BINARY, "{\"records\":[{\"value\":{\"a\":1}}]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(path, RestApi.AVRO, "{\"records\":[{\"value\":\"YmFzZTY0\"}]}")
                        .errorCode())
                .isEqualTo(42202);
        assertThat(api.post(
                                path,
                                RestApi.AVRO,
                                "{\"records\":[{\"key\":\"a\",\"value\":1}],\"value_schema\":\"\\\"int\\\"\"}")
                        .errorCode())
                .isEqualTo(42201);
        assertThat(TestKafka.records(topic, IsolationLevel.READ_UNCOMMITTED)).isEmpty();
    }

    @Test
    void shouldAnswerUnreadableBodiesInPlainText() {
        String path = "/topics/" + RestApi.createTopic("unreadable", 1);

        Reply missing = api.post(path, RestApi.BINARY, null);
        Reply invalid = api.post(path, RestApi.BINARY, "{\"records\":");
        Reply notAnObject = api.post(path, RestApi.BINARY, "[1]");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("Missing request JSON body");
        assertThat(invalid.body()).isEqualTo("Invalid request JSON body");
        assertThat(notAnObject.body()).isEqualTo("{\"error_code\":400,\"message\":\"Malformed request\"}");
    }

    @Test
    void shouldRefuseABodyOverTheLimit() {
        String path = "/topics/" + RestApi.createTopic("large", 1);
        String large = "{\"records\":[{\"value\":\"" + "A".repeat(1024 * 1024 + 4) + "\"}]}";

        Reply reply = api.post(path, RestApi.BINARY, large);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo(413);
    }

    @Test
    void shouldAnswerAMissingPartitionBeforeLookingAtTheBody() {
        String topic = RestApi.createTopic("nopartition", 1);

        Reply reply = api.post("/topics/" + topic + "/partitions/5", RestApi.AVRO, "{\"records\":[{\"value\":1}]}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40402);
    }

    @Test
    void shouldCreateANewTopicOnFirstProduceWhenTheBrokerDoes() {
        String topic = TestKafka.uniqueName("autocreated");

        Reply reply = api.post("/topics/" + topic, RestApi.JSON, "{\"records\":[{\"value\":[1,2]}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.get("/topics/" + topic).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerATopicThatCannotExistWithNotFoundBeforeCheckingSchemas() {
        for (String path : List.of("/topics/no!such!topic", "/topics/no!such!topic/partitions/0")) {
            Reply reply = api.post(path, RestApi.AVRO, "{\"records\":[{\"value\":1}]}");

            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.errorCode()).as(path).isEqualTo(40401);
        }
    }
}
