package dev.castle.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.testing.TestKafka;
import dev.castle.topology.SchemasCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

class LogAppenderIT {
    private static final SchemasCodec CODEC = new SchemasCodec();
    private static final EventEncoder ENCODER = new SchemasEventEncoder();

    private static String newTopic() {
        return TestKafka.createTopic(TestKafka.uniqueName("_schemas_appender"), 1);
    }

    private static LogAppender appender(String topic, String group) {
        return new LogAppender(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                topic,
                group,
                ENCODER,
                Duration.ofSeconds(10));
    }

    @Test
    void shouldAppendABatchInOneTransactionAndReturnItsOffsets() throws Exception {
        // given
        String topic = newTopic();
        try (LogAppender appender = appender(topic, "appender-" + System.nanoTime())) {
            appender.open();

            // when
            List<Long> offsets = appender.append(List.of(new Event.Noop(), new Event.ModeSet(null, Mode.READONLY)));

            // then the records are committed, in Confluent's bytes, at the returned offsets
            List<ConsumerRecord<byte[], byte[]>> records = TestKafka.records(topic, IsolationLevel.READ_COMMITTED);
            assertThat(offsets)
                    .containsExactly(records.get(0).offset(), records.get(1).offset());
            assertThat(new String(records.get(1).key())).isEqualTo("{\"keytype\":\"MODE\",\"magic\":0}");
            assertThat(CODEC.decode(records.get(1).key(), records.get(1).value()))
                    .isEqualTo(new Event.ModeSet(null, Mode.READONLY));
        }
    }

    @Test
    void shouldFenceTheEarlierWriterOfTheSameRegistry() throws Exception {
        // given two writers of one registry cluster; the second claims the log after the first
        String topic = newTopic();
        String group = "fenced-" + System.nanoTime();
        try (LogAppender deposed = appender(topic, group);
                LogAppender leader = appender(topic, group)) {
            deposed.open();
            leader.open();

            // when the deposed one tries to write, then it is refused and nothing it sent becomes visible
            assertThatThrownBy(() -> deposed.append(List.of(new Event.ModeSet(null, Mode.IMPORT))))
                    .isInstanceOf(LogWriteException.class);
            leader.append(List.of(new Event.ModeSet(null, Mode.READWRITE)));
            List<ConsumerRecord<byte[], byte[]>> records = TestKafka.records(topic, IsolationLevel.READ_COMMITTED);
            assertThat(records).hasSize(1);
            assertThat(CODEC.decode(records.get(0).key(), records.get(0).value()))
                    .isEqualTo(new Event.ModeSet(null, Mode.READWRITE));
        }
    }
}
