package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consumer instances of the v2 API (spec kafka-rest-api §3.5, §12 cases 27–45), with and without trailing {@code /}. */
class RestConsumerIT {
    private static RestApi api;

    @BeforeAll
    static void start() {
        api = RestApi.start("rest_consumer", Map.of("consumer.instance.timeout.ms", "3000"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String create(String group, String body) {
        Reply reply = api.post("/consumers/" + group, RestApi.V2, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return "/consumers/" + group + "/instances/"
                + reply.json().get("instance_id").asText();
    }

    private static void produce(String topic, String contentType, String records) {
        Reply reply = api.post("/topics/" + topic, contentType, "{\"records\":" + records + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** Produces {@code count} binary records, each {@code bytes} zero bytes. */
    private static void produceZeros(String topic, int count, int bytes) {
        String value = java.util.Base64.getEncoder().encodeToString(new byte[bytes]);
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            records.append(i == 0 ? "" : ",")
                    .append("{\"value\":\"")
                    .append(value)
                    .append("\"}");
        }
        produce(topic, RestApi.BINARY, records.append("]").toString());
    }

    /** Fetches until {@code count} records arrived or ten fetches passed. */
    private static List<JsonNode> consume(String instance, String accept, int count) {
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < 10 && records.size() < count; i++) {
            Reply reply = api.get(instance + "/records?timeout=1000", accept);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            reply.json().forEach(records::add);
        }
        return records;
    }

    @Test
    void shouldCreateAndDeleteAnInstanceWithOrWithoutTrailingSlash() {
        for (String slash : List.of("", "/")) {
            String group = TestKafka.uniqueName("group");
            Reply created =
                    api.post("/consumers/" + group + slash, RestApi.V2, "{\"name\":\"c1\",\"format\":\"binary\"}");
            assertThat(created.json().get("instance_id").asText()).isEqualTo("c1");
            assertThat(created.json().get("base_uri").asText())
                    .matches("http://127\\.0\\.0\\.1:\\d+/consumers/" + group + "/instances/c1");

            Reply duplicate = api.post("/consumers/" + group + slash, RestApi.V2, "{\"name\":\"c1\"}");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.errorCode()).isEqualTo(40902);
            assertThat(duplicate.message()).isEqualTo("Consumer c1 already exists");

            assertThat(api.delete("/consumers/" + group + "/instances/c1" + slash)
                            .status())
                    .isEqualTo(204);
            Reply gone = api.delete("/consumers/" + group + "/instances/c1" + slash);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.errorCode()).isEqualTo(40403);
            assertThat(api.post("/consumers/" + group, RestApi.V2, "{\"name\":\"c1\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseInvalidConsumerSettings() {
        String group = TestKafka.uniqueName("invalid");

        Reply minBytes = api.post("/consumers/" + group, RestApi.V2, "{\"fetch.min.bytes\":-10}");
        Reply format = api.post("/consumers/" + group, RestApi.V2, "{\"format\":\"xml\"}");
        Reply reset = api.post("/consumers/" + group, RestApi.V2, "{\"auto.offset.reset\":\"bar\"}");

        assertThat(minBytes.status()).isEqualTo(422);
        assertThat(minBytes.errorCode()).isEqualTo(42204);
        assertThat(minBytes.message()).isEqualTo("Expected fetch.min.bytes to be >= -1");
        assertThat(format.message()).isEqualTo("Invalid format type");
        assertThat(reset.errorCode()).isEqualTo(42204);
        assertThat(reset.message()).startsWith("Invalid value bar for configuration auto.offset.reset");
    }

    @Test
    void shouldSubscribeConsumeAndUnsubscribe() {
        String topic = RestApi.createTopic("subscribed", 1);
        produce(topic, RestApi.BINARY, "[{\"value\":\"dmFsMA==\"},{\"value\":\"dmFsMQ==\"},{\"value\":\"dmFsMg==\"}]");
        String instance = create(TestKafka.uniqueName("sub"), "{\"format\":\"binary\"}");
        assertThat(api.get(instance + "/subscription").body()).isEqualTo("{\"topics\":[]}");

        Reply subscribed = api.post(instance + "/subscription/", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        List<JsonNode> records = consume(instance, RestApi.BINARY, 3);

        assertThat(subscribed.status()).isEqualTo(204);
        assertThat(api.get(instance + "/subscription")
                        .json()
                        .get("topics")
                        .get(0)
                        .asText())
                .isEqualTo(topic);
        assertThat(records)
                .extracting(r -> r.get("value").asText())
                .containsExactly("dmFsMA==", "dmFsMQ==", "dmFsMg==");
        assertThat(records.get(0).get("offset").asLong()).isEqualTo(0);
        assertThat(records.get(0).get("partition").asInt()).isEqualTo(0);
        assertThat(records.get(0).get("topic").asText()).isEqualTo(topic);
        assertThat(records.get(0).get("timestamp").asLong()).isPositive();
        assertThat(records.get(0).get("key").isNull()).isTrue();
        assertThat(api.delete(instance + "/subscription").status()).isEqualTo(204);
        assertThat(api.get(instance + "/subscription").body()).isEqualTo("{\"topics\":[]}");
    }

    @Test
    void shouldFollowATopicPattern() {
        String prefix = TestKafka.uniqueName("pattern").replace("-", "_");
        for (int i = 0; i < 3; i++) {
            String topic = prefix + "_" + i;
            produce(topic, RestApi.JSON, "[{\"value\":" + i + "}]");
        }
        String instance = create(TestKafka.uniqueName("pat"), "{\"format\":\"json\"}");

        api.post(instance + "/subscription", RestApi.V2, "{\"topic_pattern\":\"" + prefix + "_.*\"}");
        List<JsonNode> records = consume(instance, RestApi.JSON, 3);

        assertThat(records).extracting(r -> r.get("value").asInt()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(api.get(instance + "/subscription").json().get("topics")).hasSize(3);
    }

    @Test
    void shouldRefuseConflictingSubscriptions() {
        String instance = create(TestKafka.uniqueName("conflict"), "{}");

        Reply both = api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"a\"],\"topic_pattern\":\"b\"}");
        Reply neither = api.post(instance + "/subscription", RestApi.V2, "{}");
        Reply notAList = api.post(instance + "/subscription", RestApi.V2, "{\"topics\":\"a\"}");
        Reply notAString = api.post(instance + "/subscription", RestApi.V2, "{\"topic_pattern\":1}");
        api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"a\"]}");
        Reply assignAfterSubscribe =
                api.post(instance + "/assignments", RestApi.V2, "{\"partitions\":[{\"topic\":\"a\",\"partition\":0}]}");

        assertThat(both.status()).isEqualTo(409);
        assertThat(both.errorCode()).isEqualTo(40903);
        assertThat(both.message()).startsWith("IllegalStateError: You must choose only one way");
        assertThat(neither.message()).isEqualTo("Neither topic_pattern nor topics are present in request");
        assertThat(notAList.status()).isEqualTo(422);
        assertThat(notAString.status()).isEqualTo(422);
        assertThat(assignAfterSubscribe.status()).isEqualTo(409);
        assertThat(assignAfterSubscribe.errorCode()).isEqualTo(40903);
    }

    @Test
    void shouldAssignSeekAndCommit() {
        String topic = RestApi.createTopic("assigned", 1);
        produce(topic, RestApi.JSON, "[{\"value\":0},{\"value\":1},{\"value\":2},{\"value\":3}]");
        String instance =
                create(TestKafka.uniqueName("assign"), "{\"format\":\"json\",\"auto.commit.enable\":\"false\"}");
        String partition = "{\"topic\":\"" + topic + "\",\"partition\":0}";
        assertThat(api.get(instance + "/assignments").body()).isEqualTo("{\"partitions\":[]}");

        assertThat(api.post(instance + "/assignments", RestApi.V2, "{\"partitions\":[" + partition + "]}")
                        .status())
                .isEqualTo(204);
        assertThat(api.get(instance + "/assignments")
                        .json()
                        .at("/partitions/0/topic")
                        .asText())
                .isEqualTo(topic);
        String seek = "{\"offsets\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"offset\":2}]}";
        assertThat(api.post(instance + "/positions", RestApi.V2, seek).status()).isEqualTo(204);
        assertThat(consume(instance, RestApi.JSON, 2))
                .extracting(r -> r.get("value").asInt())
                .containsExactly(2, 3);
        assertThat(api.post(instance + "/positions/beginning", RestApi.V2, "{\"partitions\":[" + partition + "]}")
                        .status())
                .isEqualTo(204);
        assertThat(consume(instance, RestApi.JSON, 4)).hasSize(4);
        assertThat(api.post(instance + "/positions/end", RestApi.V2, "{\"partitions\":[" + partition + "]}")
                        .status())
                .isEqualTo(204);
        String unassigned = "{\"offsets\":[{\"topic\":\"faulty\",\"partition\":0,\"offset\":1}]}";
        assertThat(api.post(instance + "/positions", RestApi.V2, unassigned).errorCode())
                .isEqualTo(40903);

        String commit = "{\"offsets\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"offset\":0}]}";
        assertThat(api.post(instance + "/offsets", RestApi.V2, commit).status()).isEqualTo(204);
        Reply committed =
                api.send("GET", instance + "/offsets", RestApi.V2, null, "{\"partitions\":[" + partition + "]}");

        assertThat(committed.json().at("/offsets/0/offset").asLong()).isEqualTo(1);
        assertThat(committed.json().at("/offsets/0/metadata").asText()).isEmpty();
    }

    @Test
    void shouldSeekByTimestampAsConfluentDoes() {
        String topic = RestApi.createTopic("bytime", 1);
        produce(topic, RestApi.JSON, "[{\"value\":0},{\"value\":1}]");
        String instance = create(TestKafka.uniqueName("bytime"), "{\"format\":\"json\"}");
        String partition = "{\"topic\":\"" + topic + "\",\"partition\":0}";
        api.post(instance + "/assignments", RestApi.V2, "{\"partitions\":[" + partition + "]}");
        assertThat(consume(instance, RestApi.JSON, 2)).hasSize(2);

        Reply fromEpoch = api.post(
                instance + "/positions",
                RestApi.V2,
                "{\"timestamps\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"timestamp\":0}]}");
        List<JsonNode> again = consume(instance, RestApi.JSON, 2);
        Reply future = api.post(
                instance + "/positions",
                RestApi.V2,
                "{\"timestamps\":[{\"topic\":\"" + topic
                        + "\",\"partition\":0,\"timestamp\":\"2999-01-01T00:00:00Z\"}]}");
        // the end is looked up by the next fetch (Kafka resets positions lazily): fetch once before producing
        api.get(instance + "/records?timeout=500", RestApi.JSON);
        produce(topic, RestApi.JSON, "[{\"value\":2}]");
        List<JsonNode> after = consume(instance, RestApi.JSON, 1);
        Reply malformed = api.post(
                instance + "/positions",
                RestApi.V2,
                "{\"timestamps\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"timestamp\":\"soon\"}]}");

        assertThat(fromEpoch.status()).isEqualTo(204);
        assertThat(again).extracting(r -> r.get("value").asInt()).containsExactly(0, 1);
        assertThat(future.status())
                .as("no record at or after the time: the end")
                .isEqualTo(204);
        assertThat(after).extracting(r -> r.get("value").asInt()).containsExactly(2);
        assertThat(malformed.status()).isEqualTo(422);
    }

    @Test
    void shouldCommitCurrentPositionsForAnEmptyBody() {
        String topic = RestApi.createTopic("positions", 1);
        produce(topic, RestApi.BINARY, "[{\"value\":\"YQ==\"}]");
        String instance = create(TestKafka.uniqueName("nopayload"), "{\"auto.commit.enable\":\"false\"}");
        api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        String partitions = "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0}]}";

        assertThat(api.post(instance + "/offsets", RestApi.V2, "{}").status()).isEqualTo(204);
        assertThat(consume(instance, RestApi.BINARY, 1)).hasSize(1);
        assertThat(api.post(instance + "/offsets", RestApi.V2, "{}").status()).isEqualTo(204);

        Reply committed = api.send("GET", instance + "/offsets", RestApi.V2, null, partitions);
        assertThat(committed.json().at("/offsets/0/offset").asLong()).isEqualTo(1);
    }

    @Test
    void shouldRequireTheConsumersFormatInAccept() {
        String instance = create(TestKafka.uniqueName("accept"), "{\"format\":\"binary\"}");

        Reply any = api.get(instance + "/records?timeout=10", "*/*");
        Reply json = api.get(instance + "/records?timeout=10", RestApi.JSON);

        assertThat(any.status()).isEqualTo(406);
        assertThat(any.errorCode()).isEqualTo(40601);
        assertThat(json.errorCode()).isEqualTo(40601);
        assertThat(api.get(instance + "/records?timeout=10", RestApi.BINARY).status())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerARecordAJsonConsumerCannotReadWith422AndKeepIt() {
        String topic = RestApi.createTopic("undecodable", 1);
        produce(topic, RestApi.BINARY, "[{\"value\":\"dGVzdA==\"}]");
        String group = TestKafka.uniqueName("undecodable");
        String json = create(group, "{\"format\":\"json\"}");
        api.post(json + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");

        Reply failed = null;
        for (int i = 0; i < 10 && (failed == null || failed.status() == 200); i++) {
            failed = api.get(json + "/records?timeout=1000", RestApi.JSON);
        }
        Reply again = api.get(json + "/records?timeout=1000", RestApi.JSON);

        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.message()).startsWith("value deserialization error for format json");
        assertThat(again.status())
                .as("the record was not handed out, so it fails again")
                .isEqualTo(422);
    }

    @Test
    void shouldHandOutNoMoreThanMaxBytesButAtLeastOneRecord() {
        String topic = RestApi.createTopic("maxbytes", 1);
        produceZeros(topic, 30, 1000);
        String instance = create(TestKafka.uniqueName("maxbytes"), "{\"format\":\"binary\"}");
        api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");

        List<JsonNode> first = new ArrayList<>();
        for (int i = 0; i < 10 && first.isEmpty(); i++) {
            api.get(instance + "/records?timeout=1000&max_bytes=10000", RestApi.BINARY)
                    .json()
                    .forEach(first::add);
        }
        List<JsonNode> tiny = new ArrayList<>();
        api.get(instance + "/records?timeout=2000&max_bytes=10", RestApi.BINARY)
                .json()
                .forEach(tiny::add);

        assertThat(first).hasSizeBetween(1, 10);
        assertThat(tiny).hasSize(1);
        assertThat(tiny.get(0).get("offset").asLong()).isEqualTo(first.size());
    }

    @Test
    void shouldNeverCommitRecordsPolledButNotHandedOut() {
        String topic = RestApi.createTopic("heldback", 1);
        produceZeros(topic, 10, 100);
        String group = TestKafka.uniqueName("heldback");
        String partitions = "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0}]}";
        String explicit = create(group, "{\"name\":\"explicit\",\"auto.commit.enable\":\"false\"}");
        api.post(explicit + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");

        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 20 && offsets.size() < 3; i++) {
            api.get(explicit + "/records?timeout=1000&max_bytes=150", RestApi.BINARY)
                    .json()
                    .forEach(record -> offsets.add(record.get("offset").asLong()));
        }
        assertThat(api.post(explicit + "/offsets", RestApi.V2, "{}").status()).isEqualTo(204);
        Reply committed = api.send("GET", explicit + "/offsets", RestApi.V2, null, partitions);
        for (int i = 0; i < 20 && offsets.size() < 6; i++) {
            api.get(explicit + "/records?timeout=1000&max_bytes=150", RestApi.BINARY)
                    .json()
                    .forEach(record -> offsets.add(record.get("offset").asLong()));
        }
        api.send("DELETE", explicit, RestApi.V2, null, null);

        String automatic = create(group, "{\"name\":\"automatic\",\"auto.commit.enable\":\"true\"}");
        api.post(automatic + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        List<Long> resumed = new ArrayList<>();
        for (int i = 0; i < 20 && resumed.isEmpty(); i++) {
            api.get(automatic + "/records?timeout=1000&max_bytes=150", RestApi.BINARY)
                    .json()
                    .forEach(record -> resumed.add(record.get("offset").asLong()));
        }
        api.send("DELETE", automatic, RestApi.V2, null, null);
        String last = create(group, "{\"name\":\"last\"}");
        api.post(last + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        List<Long> after = consume(last, RestApi.BINARY, 1).stream()
                .map(record -> record.get("offset").asLong())
                .toList();

        assertThat(offsets).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(committed.json().at("/offsets/0/offset").asLong())
                .as("the commit covers the three records handed out, not those held back")
                .isEqualTo(3);
        assertThat(resumed).as("a new member resumes at the commit").containsExactly(3L);
        assertThat(after)
                .as("closing an auto-committing member commits what it handed out")
                .startsWith(4L);
    }

    @Test
    void shouldWaitTheWholeTimeoutWhenThereIsNothing() {
        String topic = RestApi.createTopic("empty", 1);
        String instance = create(TestKafka.uniqueName("empty"), "{\"format\":\"binary\"}");
        api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");

        long start = System.nanoTime();
        Reply reply = api.get(instance + "/records?timeout=2000", RestApi.BINARY);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.body()).isEqualTo("[]");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void shouldCloseAnInstanceLeftIdle() {
        String instance = create(TestKafka.uniqueName("idle"), "{}");
        assertThat(api.get(instance + "/subscription").status()).isEqualTo(200);

        Await.until(
                () -> nameIsFree(instance), Duration.ofSeconds(20), "the instance to be closed after its idle timeout");
    }

    /**
     * Whether the instance's name can be taken again, which is true once it was closed; asks without using the
     * instance, since any request to it would keep it alive.
     */
    private static boolean nameIsFree(String instance) {
        Reply reply = api.post(
                instance.substring(0, instance.indexOf("/instances")),
                RestApi.V2,
                "{\"name\":\"" + instance.substring(instance.lastIndexOf('/') + 1) + "\"}");
        if (reply.status() == 200) {
            api.delete(instance);
            return true;
        }
        return false;
    }
}
