package dev.castle.rest.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.SchemaType;
import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.cluster.KafkaCluster.TopicInfo;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.Json;
import dev.castle.rest.http.RestException;
import dev.castle.serdes.JsonCodec;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SerdesException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * {@code POST /topics/{t}} and {@code POST /topics/{t}/partitions/{p}} (spec kafka-rest-api §3.4): checks in
 * Karapace's order (topic, partition, body shape, schemas, data), turns every record into bytes before any is sent,
 * then sends them together on the one shared producer and answers each record's offset or error. Any failed record
 * makes the answer 422, as Karapace's.
 */
public final class Produce {
    private static final String UNKNOWN_PARTITION =
            "This request is for a topic or partition that does not exist on this broker.";

    private final KafkaCluster cluster;
    private final Producer<byte[], byte[]> producer;
    private final JsonCodec codec;
    private final SchemaIds schemaIds;
    private final Duration timeout;

    public Produce(
            KafkaCluster cluster,
            Producer<byte[], byte[]> producer,
            SchemaRegistryPort registry,
            JsonCodec codec,
            String nameStrategy,
            boolean nameStrategyValidation,
            Duration timeout) {
        this.cluster = cluster;
        this.producer = producer;
        this.codec = codec;
        this.schemaIds = new SchemaIds(registry, codec, SubjectNaming.fromName(nameStrategy), nameStrategyValidation);
        this.timeout = timeout;
    }

    /** The answer's body and status. */
    public record Result(int status, Map<String, Object> body) {}

    /** Produces the body's records to {@code topic}, to {@code partition} when the URL names one (else null). */
    public Result produce(String topic, Integer partition, EmbeddedFormat format, ObjectNode body) {
        TopicInfo info = cluster.topicForProduce(topic)
                .orElseThrow(() -> RestException.of(40401, "Topic " + topic + " not found"));
        if (partition != null && info.partition(partition).isEmpty()) {
            throw RestException.of(40402, "Partition " + partition + " not found");
        }
        ProduceRequest request = ProduceRequest.parse(body);
        Integer keySchemaId = null;
        Integer valueSchemaId = null;
        if (format.needsSchema()) {
            keySchemaId = schemaId(topic, true, format, request.keySchema(), request.keySchemaId(), request.hasKeys());
            valueSchemaId =
                    schemaId(topic, false, format, request.valueSchema(), request.valueSchemaId(), request.hasValues());
        }
        List<ProducerRecord<byte[], byte[]>> records =
                new ArrayList<>(request.records().size());
        for (ProduceRequest.Record record : request.records()) {
            Integer target = partition != null ? partition : record.partition();
            byte[] key = bytes(format, keySchemaId, record.key());
            byte[] value = bytes(format, valueSchemaId, record.value());
            records.add(new ProducerRecord<>(topic, target, key, value));
        }
        List<Map<String, Object>> offsets = send(info, records);
        boolean failed = offsets.stream().anyMatch(o -> o.containsKey("error_code"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key_schema_id", keySchemaId);
        answer.put("offsets", offsets);
        answer.put("value_schema_id", valueSchemaId);
        return new Result(failed ? 422 : 200, answer);
    }

    private Integer schemaId(
            String topic, boolean isKey, EmbeddedFormat format, String schema, Integer id, boolean needed) {
        SchemaType type = format.schemaType();
        if (id != null) {
            return schemaIds.byId(topic, isKey, type, id);
        }
        if (schema != null) {
            return schemaIds.inline(topic, isKey, type, schema);
        }
        if (!needed) {
            return null;
        }
        String what = isKey ? "keys" : "values";
        String field = isKey ? "key" : "value";
        throw RestException.of(
                isKey ? 42201 : 42202,
                "Request includes " + what + " and uses a format that requires schemas but does not include the "
                        + field + "_schema or " + field + "_schema_id fields");
    }

    private byte[] bytes(EmbeddedFormat format, Integer schemaId, JsonNode data) {
        if (data == null) {
            return null;
        }
        switch (format) {
            case BINARY:
                return base64(data);
            case JSON:
                return Json.write(data);
            default:
                return encode(format, schemaId, data);
        }
    }

    private static byte[] base64(JsonNode data) {
        if (data.isTextual()) {
            try {
                return Base64.getDecoder().decode(data.textValue());
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw RestException.of(400, "data=" + data + "  is not a base64 string.");
    }

    private byte[] encode(EmbeddedFormat format, int schemaId, JsonNode data) {
        try {
            return codec.encode(format.schemaType(), schemaId, data);
        } catch (SerdesException e) {
            if (e.kind() != SerdesException.Kind.DATA_MISMATCH) {
                throw RestException.of(
                        42205, "Invalid schema. format = " + format.schemaType().name() + ", schema_id = " + schemaId);
            }
            String message = format == EmbeddedFormat.AVRO ? "Object does not fit to stored schema" : e.getMessage();
            throw RestException.of(42205, message);
        }
    }

    private List<Map<String, Object>> send(TopicInfo topic, List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            boolean known = record.partition() == null
                    || topic.partition(record.partition()).isPresent();
            sent.add(known ? sendQuietly(record) : null);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> offsets = new ArrayList<>(records.size());
        for (Future<RecordMetadata> future : sent) {
            offsets.add(future == null ? failure(2, UNKNOWN_PARTITION) : outcome(future, deadline));
        }
        return offsets;
    }

    /** A record the producer refuses at once (too large, producer closed) fails like one the broker refused. */
    private Future<RecordMetadata> sendQuietly(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Map<String, Object> outcome(Future<RecordMetadata> future, long deadline) {
        try {
            RecordMetadata metadata = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            Map<String, Object> offset = new LinkedHashMap<>();
            offset.put("offset", metadata.offset());
            offset.put("partition", metadata.partition());
            return offset;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return failure(cause instanceof RetriableException ? 2 : 1, cause.getMessage());
        } catch (TimeoutException e) {
            return failure(1, "Timed out waiting for the broker to acknowledge the record");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(1, "Interrupted while waiting for the broker");
        }
    }

    private static Map<String, Object> failure(int code, String message) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("error", message);
        failure.put("error_code", code);
        return failure;
    }
}
