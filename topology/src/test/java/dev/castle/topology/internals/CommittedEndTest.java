package dev.castle.topology.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How callers share end-offset requests (no broker: the test answers each request itself). */
class CommittedEndTest {
    private static final TopicPartition PARTITION = new TopicPartition("_schemas", 0);

    private final ScriptedAdmin admin = new ScriptedAdmin();
    private final CommittedEnd end = new CommittedEnd(admin, PARTITION, Duration.ofSeconds(30));

    @AfterEach
    void close() {
        end.close();
    }

    @Test
    void shouldAskCommittedEndOfPartition() throws Exception {
        // when
        CompletableFuture<Long> asked = end.request();
        admin.answer(0, 42);

        // then
        assertThat(asked.get()).isEqualTo(42);
        assertThat(admin.options.get(0).isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
    }

    @Test
    void shouldShareNextRequestAmongCallersThatAskWhileOneIsInFlight() throws Exception {
        // given a request in flight
        CompletableFuture<Long> first = end.request();

        // when two more callers ask meanwhile
        CompletableFuture<Long> second = end.request();
        CompletableFuture<Long> third = end.request();

        // then they are not answered by the request sent before they asked, but share the next one
        admin.answer(0, 10);
        assertThat(first.get()).isEqualTo(10);
        assertThat(second).isNotDone();
        admin.answer(1, 11);
        assertThat(second.get()).isEqualTo(11);
        assertThat(third.get()).isEqualTo(11);
        assertThat(admin.requests).hasSize(2);
    }

    @Test
    void shouldFailAtOnceWhileProbingUnreachableLog() {
        // given a request that failed
        CompletableFuture<Long> failed = end.request();
        admin.fail(0);
        assertThat(failed).isCompletedExceptionally();

        // when the next caller probes the log, and another asks while the probe is on its way
        CompletableFuture<Long> probe = end.request();
        CompletableFuture<Long> meanwhile = end.request();

        // then the latter does not wait
        assertThat(meanwhile).isCompletedExceptionally();
        assertThat(probe).isNotDone();
        assertThat(admin.requests).hasSize(2);
    }

    @Test
    void shouldWaitAgainOnceLogAnswers() throws Exception {
        // given a failed request, then a probe that succeeds
        end.request();
        admin.fail(0);
        CompletableFuture<Long> probe = end.request();
        admin.answer(1, 7);

        // when a caller asks while a request is in flight
        CompletableFuture<Long> inFlight = end.request();
        CompletableFuture<Long> waiting = end.request();

        // then it waits for the next answer again
        assertThat(probe.get()).isEqualTo(7);
        assertThat(waiting).isNotDone();
        admin.answer(2, 8);
        admin.answer(3, 9);
        assertThat(inFlight.get()).isEqualTo(8);
        assertThat(waiting.get()).isEqualTo(9);
    }

    /** An admin whose end-offset requests the test answers one by one; it never connects anywhere. */
    private static final class ScriptedAdmin extends ForwardingAdmin {
        final List<KafkaFutureImpl<ListOffsetsResultInfo>> requests = new CopyOnWriteArrayList<>();
        final List<ListOffsetsOptions> options = new CopyOnWriteArrayList<>();

        ScriptedAdmin() {
            super(Map.of("bootstrap.servers", "127.0.0.1:9"));
        }

        @Override
        public ListOffsetsResult listOffsets(
                Map<TopicPartition, OffsetSpec> topicPartitionOffsets, ListOffsetsOptions listOptions) {
            KafkaFutureImpl<ListOffsetsResultInfo> future = new KafkaFutureImpl<>();
            requests.add(future);
            options.add(listOptions);
            return new ListOffsetsResult(Map.of(PARTITION, future));
        }

        void answer(int request, long offset) {
            requests.get(request).complete(new ListOffsetsResultInfo(offset, -1, Optional.empty()));
        }

        void fail(int request) {
            requests.get(request).completeExceptionally(new TimeoutException("unreachable"));
        }
    }
}
