package dev.castle.topology.internals;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The global consumer of the fold, publishing to a {@link FoldPosition} how far the store has applied the topic.
 *
 * <p>Kafka Streams' global thread (live updates and the restore that re-runs the processor alike) applies every record
 * a poll returned before it polls again, and no other thread polls this consumer. So the position at the start of a
 * poll has been applied in full, and so has the position after a poll that returned nothing (it moved, if at all, past
 * transaction markers and aborted records only). With the position it publishes the log's end as the consumer's last
 * fetch reported it, so the fold's lag is known without asking the broker.
 */
final class PositionPublishingConsumer extends KafkaConsumer<byte[], byte[]> {
    private final TopicPartition partition;
    private final FoldPosition published;

    PositionPublishingConsumer(Map<String, Object> config, TopicPartition partition, FoldPosition published) {
        super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partition = partition;
        this.published = published;
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        publishPosition();
        ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
        if (records.isEmpty()) {
            publishPosition();
        }
        return records;
    }

    private void publishPosition() {
        if (!assignment().contains(partition)) {
            return;
        }
        try {
            long position = position(partition, Duration.ZERO);
            published.publish(position);
            // the lag is known from the last fetch's metadata (no request): the end is where the position will be
            OptionalLong lag = currentLag(partition);
            if (lag.isPresent()) {
                published.publishLogEnd(position + lag.getAsLong());
            }
        } catch (TimeoutException e) {
            // no position yet (a seek still to resolve): the poll resolves it, and a later poll publishes it
        }
    }
}
