package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Brokers, topics, partitions and offsets (spec kafka-rest-api §3.1–3.3), and the HTTP conventions of §2. */
class RestClusterIT {
    private static RestApi api;

    @BeforeAll
    static void start() {
        api = RestApi.start("rest_cluster");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldListTheSingleBroker() {
        Reply reply = api.get("/brokers");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("brokers")).hasSize(1);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/vnd.kafka.json.v2+json");
    }

    @Test
    void shouldAnswerTheRootWithAnEmptyObject() {
        assertThat(api.get("/").body()).isEqualTo("{}");
    }

    @Test
    void shouldListAndDescribeATopic() {
        String topic = RestApi.createTopic("described", 2);

        assertThat(api.get("/topics").json()).extracting(node -> node.asText()).contains(topic);
        for (String path : List.of("/topics/" + topic, "/topics/" + topic + "/")) {
            Reply reply = api.get(path);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("name").asText()).isEqualTo(topic);
            assertThat(reply.json().get("configs").has("cleanup.policy")).isTrue();
            assertThat(reply.json().get("partitions")).hasSize(2);
            assertThat(reply.json().at("/partitions/0/replicas/0/leader").asBoolean())
                    .isTrue();
            assertThat(reply.json().at("/partitions/0/replicas/0/in_sync").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void shouldAnswerAMissingTopicWithKarapacesCodes() {
        String missing = TestKafka.uniqueName("missing");

        assertThat(api.get("/topics/" + missing).errorCode()).isEqualTo(40403);
        assertThat(api.get("/topics/" + missing + "/partitions").errorCode()).isEqualTo(40401);
        assertThat(api.get("/topics/" + missing + "/partitions/0").errorCode()).isEqualTo(40401);
        Reply offsets = api.get("/topics/" + missing + "/partitions/0/offsets");
        assertThat(offsets.status()).isEqualTo(404);
        assertThat(offsets.errorCode()).isEqualTo(40401);
        assertThat(offsets.message()).isEqualTo("Topic " + missing + " not found");
    }

    @Test
    void shouldListPartitionsAndAnswerMissingOnes() {
        String topic = RestApi.createTopic("partitions", 1);

        Reply list = api.get("/topics/" + topic + "/partitions");
        Reply one = api.get("/topics/" + topic + "/partitions/0");

        assertThat(list.json()).hasSize(1);
        assertThat(one.json()).isEqualTo(list.json().get(0));
        assertThat(api.get("/topics/" + topic + "/partitions/10").errorCode()).isEqualTo(40402);
        Reply notANumber = api.get("/topics/" + topic + "/partitions/foo");
        assertThat(notANumber.status()).isEqualTo(404);
        assertThat(notANumber.errorCode()).isEqualTo(404);
    }

    @Test
    void shouldReportTheOffsetsOfAPartition() {
        String topic = RestApi.createTopic("offsets", 1);
        String records = "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"Yg==\"},{\"value\":\"Yw==\"},"
                + "{\"value\":\"ZA==\"},{\"value\":\"ZQ==\"}]}";
        assertThat(api.post("/topics/" + topic, RestApi.BINARY, records).status())
                .isEqualTo(200);

        Reply offsets = api.get("/topics/" + topic + "/partitions/0/offsets");

        assertThat(offsets.body()).isEqualTo("{\"beginning_offset\":0,\"end_offset\":5}");
    }

    @Test
    void shouldRefuseMediaTypesItCannotRead() {
        String topic = RestApi.createTopic("media", 1);
        String body = "{\"records\":[{\"value\":\"YQ==\"}]}";
        for (String valid : List.of(
                "application/vnd.kafka.v1+json",
                "application/vnd.kafka.binary.v1+json",
                "application/vnd.kafka+json",
                "application/json",
                "application/octet-stream")) {
            assertThat(api.post("/topics/" + topic, valid, body).status())
                    .as(valid)
                    .isEqualTo(200);
        }
        for (String invalid : List.of(
                "application/vnd.kafka.v3+json",
                "application/vnd.kafka.binary.v1+foo",
                "application/vnd.kafka.avro.v0+json",
                "application/vnd.kafka.json+avro",
                "application/vnd.kafka",
                "application/vnd.kafka+binary",
                "application/text",
                "bar/baz")) {
            Reply reply = api.post("/topics/" + topic, invalid, body);
            assertThat(reply.status()).as(invalid).isEqualTo(415);
            assertThat(reply.body()).isEqualTo("{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}");
        }
    }

    @Test
    void shouldRefuseAcceptHeadersItCannotAnswer() {
        for (String valid : List.of(
                "application/vnd.kafka.v1+json",
                "application/vnd.kafka+json",
                "application/json",
                "application/*",
                "*/json",
                "*/*")) {
            assertThat(api.get("/brokers", valid).status()).as(valid).isEqualTo(200);
        }
        for (String invalid : List.of(
                "application/octet-stream",
                "application/vnd.kafka+foo",
                "application/text",
                "foo/*",
                "bar/json",
                "*/baz")) {
            Reply reply = api.get("/brokers", invalid);
            assertThat(reply.status()).as(invalid).isEqualTo(406);
            assertThat(reply.errorCode()).isEqualTo(406);
        }
    }

    @Test
    void shouldAnswerNotModifiedForAKnownEtag() {
        Reply first = api.get("/brokers");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        Reply again = api.send("GET", "/brokers", null, null, null);
        Reply conditional = api.sendWithHeader("GET", "/brokers", "If-None-Match", etag);

        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(conditional.status()).isEqualTo(304);
    }

    @Test
    void shouldRefuseABodyWhereNoneIsAllowed() {
        Reply reply = api.send("GET", "/brokers", null, null, "{\"a\":1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("No request body allowed for this operation");
    }

    @Test
    void shouldAnswerCorsPreflights() {
        Reply withOrigin = api.sendWithHeader("OPTIONS", "/topics", "Origin", "http://example.test");
        Reply without = api.send("OPTIONS", "/topics", null, null, null);

        assertThat(withOrigin.status()).isEqualTo(200);
        assertThat(withOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://example.test");
        assertThat(withOrigin.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("DELETE, GET, OPTIONS, POST, PUT");
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.body()).isEqualTo("OPTIONS missing Origin");
    }
}
