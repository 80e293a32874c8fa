package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.server.TestNodes;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Produce and consume with Avro, JSON Schema and Protobuf through the proxy and the registry of the same process (spec
 * kafka-rest-api §4, §12 cases 5–6, 19–22, 26, 37–41, 46–49).
 */
class RestSchemaFormatsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER =
            "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"castle.test\",\"fields\":["
                    + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":[\"null\",\"int\"],\"default\":null},"
                    + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":[\"null\",\"string\",\"long\",\"double\",\"boolean\"]}},"
                    + "{\"name\":\"raw\",\"type\":\"bytes\"}]}";

    private static RestApi api;
    private static RestApi unvalidated;

    @BeforeAll
    static void start() {
        api = RestApi.start("rest_formats");
        unvalidated = RestApi.start("rest_formats_novalidation", Map.of("name.strategy.validation", "false"));
    }

    @AfterAll
    static void stop() {
        api.close();
        unvalidated.close();
    }

    private static String produceBody(String schemaField, Object schema, String records) {
        return "{\"" + schemaField + "\":" + TestHttp.json(schema) + ",\"records\":" + records + "}";
    }

    private static List<JsonNode> consume(String topic, String format, String accept, int count) {
        String group = TestKafka.uniqueName("formats");
        Reply created = api.post("/consumers/" + group, RestApi.V2, "{\"format\":\"" + format + "\"}");
        String instance = "/consumers/" + group + "/instances/"
                + created.json().get("instance_id").asText();
        api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < 10 && records.size() < count; i++) {
            Reply reply = api.get(instance + "/records?timeout=1000", accept);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            reply.json().forEach(records::add);
        }
        api.delete(instance);
        return records;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRoundTripAvroRecordsWithUnionsAndBytes() {
        String topic = RestApi.createTopic("avro", 1);
        String value = "{\"name\":\"ada\",\"age\":36,\"tags\":[null,\"x\",5,1.5,true],\"raw\":\"AQI=\"}";
        String tagged = "{\"name\":\"bob\",\"age\":{\"int\":7},\"tags\":[{\"string\":\"y\"}],\"raw\":\"\"}";

        Reply produced = api.post(
                "/topics/" + topic,
                RestApi.AVRO,
                produceBody("value_schema", USER, "[{\"value\":" + value + "},{\"value\":" + tagged + "}]"));
        List<JsonNode> records = consume(topic, "avro", RestApi.AVRO, 2);

        assertThat(produced.status()).as(produced.toString()).isEqualTo(200);
        assertThat(produced.json().get("value_schema_id").asInt()).isPositive();
        assertThat(produced.json().get("key_schema_id").isNull()).isTrue();
        assertThat(records.get(0).get("value")).isEqualTo(tree(value));
        assertThat(records.get(1).get("value"))
                .isEqualTo(tree("{\"name\":\"bob\",\"age\":7,\"tags\":[\"y\"],\"raw\":\"\"}"));
        Reply registered = api.get("/topics/" + topic); // the subject is the topic's value subject
        assertThat(registered.status()).isEqualTo(200);
    }

    @Test
    void shouldProducePrimitiveAvroSchemas() {
        String topic = RestApi.createTopic("primitive", 1);
        String ints = RestApi.createTopic("primitive-int", 1);
        for (String schema : List.of("\"string\"", "{\"type\":\"string\"}")) {
            Reply reply = api.post(
                    "/topics/" + topic, RestApi.AVRO, produceBody("value_schema", schema, "[{\"value\":\"s\"}]"));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        for (String schema : List.of("\"int\"", "{\"type\":\"int\"}")) {
            Reply reply = api.post(
                    "/topics/" + ints + "/partitions/0",
                    RestApi.AVRO,
                    produceBody("value_schema", schema, "[{\"value\":1}]"));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
    }

    @Test
    void shouldProduceWithKeySchemaAndValueSchemaIdGivenAsAString() {
        String topic = RestApi.createTopic("byid", 1);
        Reply first = api.post(
                "/topics/" + topic,
                RestApi.AVRO,
                produceBody("value_schema", USER, "[{\"value\":{\"name\":\"a\",\"tags\":[],\"raw\":\"\"}}]"));
        int id = first.json().get("value_schema_id").asInt();

        Reply byId = api.post(
                "/topics/" + topic,
                RestApi.AVRO,
                "{\"key_schema\":\"\\\"string\\\"\",\"value_schema_id\":\"" + id
                        + "\",\"records\":[{\"key\":\"k\",\"value\":{\"name\":\"b\",\"tags\":[],\"raw\":\"\"}}]}");
        Reply unknownId =
                api.post("/topics/" + topic, RestApi.AVRO, "{\"value_schema_id\":666666,\"records\":[{\"value\":1}]}");

        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.json().get("value_schema_id").asInt()).isEqualTo(id);
        assertThat(byId.json().get("key_schema_id").asInt()).isPositive();
        assertThat(unknownId.status()).isEqualTo(422);
        assertThat(unknownId.errorCode()).isEqualTo(42205);
        assertThat(unknownId.message()).isEqualTo("Invalid schema. format = AVRO, schema_id = 666666");
    }

    @Test
    void shouldRefuseDataThatDoesNotFitTheSchema() {
        String topic = RestApi.createTopic("misfit", 1);

        Reply avro = api.post(
                "/topics/" + topic, RestApi.AVRO, produceBody("value_schema", USER, "[{\"value\":{\"name\":1}}]"));
        Reply json = api.post(
                "/topics/" + RestApi.createTopic("misfit-json", 1),
                RestApi.JSONSCHEMA,
                produceBody(
                        "value_schema",
                        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}",
                        "[{\"value\":{\"n\":\"not an integer\"}}]"));

        assertThat(avro.status()).isEqualTo(422);
        assertThat(avro.errorCode()).isEqualTo(42205);
        assertThat(avro.message()).isEqualTo("Object does not fit to stored schema");
        assertThat(json.errorCode()).isEqualTo(42205);
        assertThat(json.message()).contains("integer");
    }

    @Test
    void shouldAnswerAnIncompatibleInlineSchemaWithARegistrationError() {
        String topic = RestApi.createTopic("incompatible", 1);
        api.post("/topics/" + topic, RestApi.AVRO, produceBody("value_schema", "\"int\"", "[{\"value\":1}]"));

        Reply reply = api.post(
                "/topics/" + topic,
                RestApi.AVRO,
                produceBody("value_schema", "{\"type\":\"array\",\"items\":\"string\"}", "[{\"value\":[\"a\"]}]"));

        assertThat(reply.status()).isEqualTo(408);
        assertThat(reply.errorCode()).isEqualTo(40801);
        assertThat(reply.message())
                .isEqualTo("Error when registering schema.format = AVRO, subject = " + topic + "-value");
    }

    @Test
    void shouldRefuseAnIdOfAnotherSubjectUnlessValidationIsOff() {
        String other = RestApi.createTopic("other", 1);
        String topic = RestApi.createTopic("borrower", 1);
        for (RestApi proxy : List.of(api, unvalidated)) {
            Reply registered = proxy.post(
                    "/topics/" + other, RestApi.AVRO, produceBody("value_schema", "\"long\"", "[{\"value\":1}]"));
            int id = registered.json().get("value_schema_id").asInt();

            Reply reply = proxy.post(
                    "/topics/" + topic, RestApi.AVRO, "{\"value_schema_id\":" + id + ",\"records\":[{\"value\":2}]}");

            if (proxy == api) {
                assertThat(reply.errorCode()).isEqualTo(42205);
                assertThat(reply.message()).isEqualTo("Invalid schema. format = AVRO, schema_id = " + id);
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldRoundTripJsonSchemaValues() {
        String topic = RestApi.createTopic("jsonschema", 1);
        String schema =
                "{\"type\":\"object\",\"title\":\"Point\",\"properties\":{\"x\":{\"type\":\"integer\"},\"label\":{\"type\":\"string\"}}}";
        String value = "{\"x\":3,\"label\":\"p\"}";

        Reply produced = api.post(
                "/topics/" + topic,
                RestApi.JSONSCHEMA,
                produceBody("value_schema", schema, "[{\"value\":" + value + "}]"));
        List<JsonNode> records = consume(topic, "jsonschema", RestApi.JSONSCHEMA, 1);

        assertThat(produced.status()).as(produced.toString()).isEqualTo(200);
        assertThat(records.get(0).get("value")).isEqualTo(tree(value));
    }

    @Test
    void shouldRoundTripProtobufMessagesWithReferencesAndRecursion() {
        String topic = RestApi.createTopic("protobuf", 1);
        String schema =
                "syntax = \"proto3\";\npackage castle.test;\nmessage Tree {\n  string name = 1;\n  int64 size = 2;\n"
                        + "  repeated Tree children = 3;\n  Kind kind = 4;\n}\nenum Kind {\n  LEAF = 0;\n  NODE = 1;\n}\n";
        String value =
                "{\"name\":\"root\",\"size\":2,\"children\":[{\"name\":\"leaf\",\"size\":1,\"children\":[],\"kind\":\"LEAF\"}],\"kind\":\"NODE\"}";

        Reply produced = api.post(
                "/topics/" + topic,
                RestApi.PROTOBUF,
                produceBody("value_schema", schema, "[{\"value\":" + value + "}]"));
        List<JsonNode> records = consume(topic, "protobuf", RestApi.PROTOBUF, 1);

        assertThat(produced.status()).as(produced.toString()).isEqualTo(200);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("key").isNull()).isTrue();
        assertThat(records.get(0).get("offset").asLong()).isZero();
        assertThat(records.get(0).get("value")).isEqualTo(tree(value));
    }

    @Test
    void shouldProduceWithAProtobufSchemaIdThatHasReferences() {
        String topic = RestApi.createTopic("protorefs", 1);
        String dependency = "syntax = \"proto3\";\npackage castle.dep;\nmessage Money {\n  int64 cents = 1;\n}\n";
        String main =
                "syntax = \"proto3\";\npackage castle.main;\nimport \"money.proto\";\nmessage Order {\n  castle.dep.Money total = 1;\n}\n";
        registerSchema("money", "{\"schemaType\":\"PROTOBUF\",\"schema\":" + TestHttp.json(dependency) + "}");
        int id = registerSchema(
                topic + "-value",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":" + TestHttp.json(main)
                        + ",\"references\":[{\"name\":\"money.proto\",\"subject\":\"money\",\"version\":1}]}");

        Reply produced = api.post(
                "/topics/" + topic,
                RestApi.PROTOBUF,
                "{\"value_schema_id\":" + id + ",\"records\":[{\"value\":{\"total\":{\"cents\":250}}}]}");
        List<JsonNode> records = consume(topic, "protobuf", RestApi.PROTOBUF, 1);

        assertThat(produced.status()).as(produced.toString()).isEqualTo(200);
        assertThat(records.get(0).at("/value/total/cents").asLong()).isEqualTo(250);
    }

    @Test
    void shouldFallBackToBase64ForKeysThatAreNotAvroButRefuseSuchValues() {
        String topic = RestApi.createTopic("fallback", 1);
        api.post("/topics/" + topic, RestApi.BINARY, "{\"records\":[{\"key\":\"a2V5\",\"value\":\"dGVzdA==\"}]}");

        String group = TestKafka.uniqueName("fallback");
        String instance = "/consumers/" + group + "/instances/"
                + api.post("/consumers/" + group, RestApi.V2, "{\"format\":\"avro\"}")
                        .json()
                        .get("instance_id")
                        .asText();
        api.post(instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        Reply reply = null;
        for (int i = 0; i < 10 && (reply == null || reply.body().equals("[]")); i++) {
            reply = api.get(instance + "/records?timeout=1000", RestApi.AVRO);
        }

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.message()).startsWith("value deserialization error for format avro");

        api.post("/topics/" + topic, RestApi.AVRO, produceBody("value_schema", "\"string\"", "[{\"value\":\"ok\"}]"));
        api.post(
                instance + "/positions",
                RestApi.V2,
                "{\"offsets\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"offset\":1}]}");
        Reply keyed = api.post("/topics/" + topic, RestApi.BINARY, "{\"records\":[{\"key\":\"a2V5\"}]}");
        assertThat(keyed.status()).isEqualTo(200);
    }

    private static int registerSchema(String subject, String body) {
        Reply registered = TestNodes.registryClient(api.registryUrl()).post("/subjects/" + subject + "/versions", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.id();
    }
}
