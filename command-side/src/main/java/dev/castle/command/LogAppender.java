package dev.castle.command;

import dev.castle.domain.Event;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to partition 0 of {@code _schemas} with a transactional producer whose fixed {@code transactional.id}
 * ({@code castle-<group id>}) makes a newly elected leader fence a deposed one (DESIGN §5.4). A failed transaction is
 * aborted; a broken producer is replaced by a new one on the next append. A fenced one is closed, and the node must
 * step down rather than claim the log back (the cluster wraps this appender in a {@code FencingEventLog} that does so).
 */
public final class LogAppender implements EventLog {
    private static final Logger log = LoggerFactory.getLogger(LogAppender.class);
    private static final int PARTITION = 0;
    /** Room a record needs beside its key and value: batch header and record framing, generously. */
    private static final int RECORD_OVERHEAD = 256;

    private final Map<String, Object> config;
    private final String topic;
    private final EventEncoder encoder;
    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
    private Producer<byte[], byte[]> producer;

    /**
     * @param clientConfig bootstrap servers and any security settings of the Kafka clients
     * @param groupId {@code schema.registry.group.id}; the transactional id is {@code castle-<groupId>}
     * @param timeout how long a send or commit may block
     */
    public LogAppender(
            Map<String, Object> clientConfig, String topic, String groupId, EventEncoder encoder, Duration timeout) {
        this(clientConfig, topic, groupId, encoder, timeout, KafkaProducer::new);
    }

    /**
     * @param producers makes the transactional producer from its configuration; tests use it to hold a transaction
     *     open at a chosen moment, as a paused process would
     */
    public LogAppender(
            Map<String, Object> clientConfig,
            String topic,
            String groupId,
            EventEncoder encoder,
            Duration timeout,
            Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
        this.topic = topic;
        this.encoder = encoder;
        this.producers = producers;
        this.config = producerConfig(clientConfig, groupId, timeout);
    }

    static Map<String, Object> producerConfig(Map<String, Object> clientConfig, String groupId, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "castle-" + groupId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A transaction begun right after a commit is refused with CONCURRENT_TRANSACTIONS until the coordinator has
        // written the previous markers; the default back-off (20-100 ms) would then bound the leader to a few dozen
        // batches a second. Retry quickly instead, unless the operator chose otherwise.
        config.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    @Override
    public synchronized void open() {
        closeProducer();
        Producer<byte[], byte[]> created = producers.apply(config);
        try {
            created.initTransactions();
        } catch (KafkaException e) {
            created.close(Duration.ZERO);
            throw new LogWriteException("Could not claim the log " + topic, e, e instanceof TimeoutException);
        }
        producer = created;
        log.info("Claimed {} as transactional writer {}", topic, config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
    }

    @Override
    public boolean fits(List<Event> events) {
        int limit = maxRequestSize();
        for (Event event : events) {
            if (upperBound(event) + RECORD_OVERHEAD <= limit) {
                continue; // the usual case: no need to encode the record twice to know it fits
            }
            EventEncoder.Encoded record = encoder.encode(event);
            int size = record.key().length + (record.value() == null ? 0 : record.value().length);
            if (size + RECORD_OVERHEAD > limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * A bound on a schema record's encoded size that needs no encoding: JSON writes a character as at most 6 bytes
     * ({@code \\uXXXX}), plus room for property names, numbers and reference framing. Other events are not bounded.
     */
    static long upperBound(Event event) {
        if (!(event instanceof Event.SchemaUpserted upserted)) {
            return Long.MAX_VALUE;
        }
        SchemaVersion schema = upserted.schema();
        long chars = 2L * schema.subject().length()
                + schema.schema().length()
                + length(schema.metadata())
                + length(schema.ruleSet());
        for (SchemaReference reference : schema.references()) {
            chars += reference.name().length() + reference.subject().length() + 64;
        }
        return 6 * chars + 512;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private int maxRequestSize() {
        Object configured = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return configured == null ? 1024 * 1024 : Integer.parseInt(configured.toString());
    }

    @Override
    public synchronized List<Long> append(List<Event> events) {
        if (producer == null) {
            open();
        }
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (Event event : events) {
                EventEncoder.Encoded record = encoder.encode(event);
                sent.add(producer.send(new ProducerRecord<>(topic, PARTITION, record.key(), record.value())));
            }
            producer.commitTransaction();
            return offsets(sent);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            log.warn("Writer to {} was fenced by another leader; this node must step down", topic, e);
            closeProducer();
            throw LogWriteException.fenced("Fenced by another writer", e);
        } catch (RuntimeException | ExecutionException e) {
            abort();
            throw new LogWriteException("Append to " + topic + " failed", e, isTimeout(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new LogWriteException("Interrupted while appending to " + topic, e, false);
        }
    }

    private static boolean isTimeout(Exception e) {
        return e instanceof TimeoutException || e.getCause() instanceof TimeoutException;
    }

    private static List<Long> offsets(List<Future<RecordMetadata>> sent)
            throws ExecutionException, InterruptedException {
        List<Long> offsets = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> future : sent) {
            offsets.add(future.get().offset());
        }
        return offsets;
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            log.warn("Could not abort a transaction on {}; the producer will be recreated", topic, e);
            closeProducer();
        }
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
