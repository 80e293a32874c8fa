package dev.castle.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.castle.proto.ProtoFile;
import dev.castle.serdes.kafka.CastleAvroDeserializer;
import dev.castle.serdes.kafka.CastleAvroSerializer;
import dev.castle.serdes.kafka.CastleJsonSchemaDeserializer;
import dev.castle.serdes.kafka.CastleJsonSchemaSerializer;
import dev.castle.serdes.kafka.CastleProtobufDeserializer;
import dev.castle.serdes.kafka.CastleProtobufSerializer;
import dev.castle.server.TestNodes;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real clients as judges of Castle's Kafka serializers ({@code serdes/}), both ways, for Avro, JSON Schema and
 * Protobuf: records a plain {@code KafkaProducer} writes with Castle's serializers are read with {@code kafkajs} and
 * decoded by {@code @kafkajs/confluent-schema-registry} and {@code @confluentinc/schemaregistry}; records those
 * clients encode are read by a plain {@code KafkaConsumer} with Castle's deserializers. The values are the same JSON
 * either way ({@link #VALUES}); the schemas are the npm side's ({@code node serdes.mjs schemas}).
 */
class NodeSerdesIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String SCRIPT = "serdes.mjs";
    private static final List<String> FORMATS = List.of("AVRO", "JSON", "PROTOBUF");
    private static final List<String> NPM_CLIENTS = List.of("kafkajs", "confluent");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Per format, the values written and expected back, in the JSON shape of {@code clients/node/codecs.mjs}. */
    private static final String VALUES =
            """
            {
              "AVRO": [
                {"label": "kitchen", "count": 3, "total": 5000000000, "ratio": 2.5, "active": true, "note": null,
                 "kind": "TEMPERATURE", "tags": ["warm", "dry"], "counts": {"apples": 2, "pears": 0},
                 "payload": "Y2FzdGxl"},
                {"label": "cellar", "count": -7, "total": -1, "ratio": -0.125, "active": false, "note": "damp",
                 "kind": "HUMIDITY", "tags": [], "counts": {}, "payload": ""}
              ],
              "JSON": [
                {"id": 5000000000, "label": "kitchen", "ratio": 2.5, "active": true, "note": null, "tags": ["warm"],
                 "sensor": {"name": "t1", "floor": 3}},
                {"id": 2, "label": "cellar", "ratio": -0.125, "active": false, "note": "damp", "tags": [],
                 "sensor": {"name": "h1", "floor": -1}}
              ],
              "PROTOBUF": [
                {"id": 5000000000, "label": "kitchen", "retries": 0, "ratio": 2.5, "active": true,
                 "kind": "TEMPERATURE", "main_sensor": {"name": "t1", "floor": 3}, "tags": ["warm", "dry"],
                 "spare_sensors": [{"name": "t2", "floor": 0}], "samples": [1, -5000000000]},
                {"id": -7, "label": "cellar", "retries": 4, "ratio": -0.125, "active": false, "kind": "HUMIDITY",
                 "main_sensor": {"name": "h1", "floor": -1}, "tags": [], "spare_sensors": [], "samples": []}
              ]
            }
            """;

    @RegisterExtension
    static final LiveNodeAndNpm LIVE = LiveNodeAndNpm.with(() -> TestNodes.registry("node_serdes"));

    private static JsonNode values;
    private static JsonNode schemas;

    @BeforeAll
    static void start() throws JsonProcessingException {
        values = MAPPER.readTree(VALUES);
        schemas = npmSchemas();
    }

    @Test
    void shouldDecodeWithNpmClientsWhatCastleSerializersWrote() {
        // given a topic per format
        Map<String, String> topics = topics("serdes-java");

        // when a plain KafkaProducer writes the values with Castle's serializers
        Schema avro = new Schema.Parser().parse(schemas.get("AVRO").asText());
        produce(topics, "AVRO", CastleAvroSerializer.class, Map.of(), json -> SerdesValues.avroRecord(avro, json));
        Map<String, Object> jsonSchema =
                Map.of("json.value.schema", schemas.get("JSON").asText());
        produce(topics, "JSON", CastleJsonSchemaSerializer.class, jsonSchema, json -> json);
        Descriptor reading = ProtoFile.parse(schemas.get("PROTOBUF").asText())
                .fileDescriptor()
                .findMessageTypeByName("Reading");
        produce(
                topics,
                "PROTOBUF",
                CastleProtobufSerializer.class,
                Map.of(),
                json -> SerdesValues.protobufMessage(reading, json));

        // then kafkajs reads them and both npm clients decode them to the values written
        NodeProject.Run run = node("check-java", topics);
        ScriptAssertions.assertEveryStepPasses(run, SCRIPT, "serdes check-java");
    }

    @Test
    void shouldReadWithCastleDeserializersWhatNpmClientsWrote() {
        // given a topic per format, to which each npm client writes the values keyed by its name
        Map<String, String> topics = topics("serdes-npm");
        NodeProject.Run run = node("write-npm", topics);
        ScriptAssertions.assertEveryStepPasses(run, SCRIPT, "serdes write-npm");

        // when a plain KafkaConsumer reads them with Castle's deserializers
        Map<String, List<JsonNode>> avro = consume(
                topics,
                "AVRO",
                CastleAvroDeserializer.class,
                datum -> SerdesValues.tree(SerdesValues.avroPlain(datum)));
        Map<String, List<JsonNode>> json =
                consume(topics, "JSON", CastleJsonSchemaDeserializer.class, datum -> (JsonNode) datum);
        Map<String, List<JsonNode>> protobuf = consume(
                topics,
                "PROTOBUF",
                CastleProtobufDeserializer.class,
                datum -> SerdesValues.tree(SerdesValues.protobufPlain((Message) datum)));

        // then every client's records come out as the values it encoded
        assertReadAsWritten("AVRO", avro);
        assertReadAsWritten("JSON", json);
        assertReadAsWritten("PROTOBUF", protobuf);
    }

    private static void assertReadAsWritten(String format, Map<String, List<JsonNode>> byClient) {
        assertThat(byClient)
                .as("%s records by key (the writing client)", format)
                .containsOnlyKeys(NPM_CLIENTS);
        List<JsonNode> expected =
                StreamSupport.stream(values.get(format).spliterator(), false).toList();
        for (String client : NPM_CLIENTS) {
            assertThat(byClient.get(client))
                    .as("%s values written by %s, read by Castle's deserializer", format, client)
                    .isEqualTo(expected);
        }
    }

    /** The {@code proxy} schemas of {@code clients/node/schemas.mjs}, by format. */
    private static JsonNode npmSchemas() throws JsonProcessingException {
        NodeProject.Run run = LIVE.project().run(List.of("node", SCRIPT, "schemas"), Map.of(), SCRIPT_TIMEOUT);
        assertThat(run.exitCode())
                .as("node %s schemas: %s", SCRIPT, run.lines())
                .isZero();
        String line = run.lines().stream()
                .filter(l -> l.startsWith("{"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no schemas printed: " + run.lines()));
        return MAPPER.readTree(line);
    }

    private static Map<String, String> topics(String prefix) {
        Map<String, String> topics = new LinkedHashMap<>();
        long unique = System.nanoTime();
        FORMATS.forEach(format -> topics.put(format, prefix + "-" + format.toLowerCase() + "-" + unique));
        topics.values().forEach(topic -> TestKafka.createTopic(topic, 1));
        return topics;
    }

    private static NodeProject.Run node(String mode, Map<String, String> topics) {
        try {
            Map<String, String> env = Map.of(
                    "CASTLE_URL",
                    LIVE.castle().url(),
                    "KAFKA_BOOTSTRAP",
                    TestKafka.bootstrapServers(),
                    "SERDES_TOPICS",
                    MAPPER.writeValueAsString(topics),
                    "SERDES_VALUES",
                    MAPPER.writeValueAsString(values));
            return LIVE.project().run(List.of("node", SCRIPT, mode), env, SCRIPT_TIMEOUT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the format's values, made by {@code toValue}, to its topic with a plain producer and the serializer. */
    private static void produce(
            Map<String, String> topics,
            String format,
            Class<?> serializer,
            Map<String, Object> extra,
            Function<JsonNode, Object> toValue) {
        String topic = topics.get(format);
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer);
        config.put("schema.registry.url", LIVE.castle().url());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
            for (JsonNode value : values.get(format)) {
                producer.send(new ProducerRecord<>(topic, "java", toValue.apply(value)))
                        .get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("Castle's " + serializer.getSimpleName() + " could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the format's topic read with a plain consumer and the given deserializer, as JSON, by key. */
    private static Map<String, List<JsonNode>> consume(
            Map<String, String> topics, String format, Class<?> deserializer, Function<Object, JsonNode> toJson) {
        String topic = topics.get(format);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer);
        config.put("schema.registry.url", LIVE.castle().url());
        int expected = NPM_CLIENTS.size() * values.get(format).size();
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        assertThat(records).as("records of %s", topic).hasSize(expected);
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        records.forEach(
                r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(toJson.apply(r.value())));
        return byKey;
    }
}
