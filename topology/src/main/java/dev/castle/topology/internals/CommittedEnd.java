package dev.castle.topology.internals;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The end offset of the topic's partition as a {@code read_committed} reader sees it (the last stable offset): every
 * record a writer has had acknowledged lies before it.
 *
 * <p>Callers that ask at once share requests: while one request is in flight, later callers wait for the next one,
 * which is sent when the first completes (a request sent before a caller asked may predate the write it looks for). So
 * a burst of callers costs at most two requests at a time. After a request failed, callers that ask while the next one
 * is still on its way fail at once: with the brokers unreachable, reads answer from the store without waiting.
 */
public final class CommittedEnd implements AutoCloseable {
    private final Admin admin;
    private final TopicPartition partition;
    private final ListOffsetsOptions options;
    private CompletableFuture<Long> next;
    private boolean inFlight;
    private Throwable lastFailure;

    /**
     * @param clientProperties the Kafka client settings of the node
     * @param requestTimeout how long one request may take before it fails
     */
    public CommittedEnd(Properties clientProperties, TopicPartition partition, Duration requestTimeout) {
        this(Admin.create(clientProperties), partition, requestTimeout);
    }

    CommittedEnd(Admin admin, TopicPartition partition, Duration requestTimeout) {
        this.admin = admin;
        this.partition = partition;
        this.options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs((int) requestTimeout.toMillis());
    }

    /** Completes with the end offset asked after this call began, or with the request's failure. */
    public CompletableFuture<Long> request() {
        CompletableFuture<Long> waiting;
        synchronized (this) {
            if (inFlight && lastFailure != null) {
                return CompletableFuture.failedFuture(lastFailure);
            }
            if (next == null) {
                next = new CompletableFuture<>();
            }
            waiting = next;
            if (inFlight) {
                return waiting;
            }
            inFlight = true;
            next = null;
        }
        send(waiting);
        return waiting;
    }

    private void send(CompletableFuture<Long> callers) {
        admin.listOffsets(Map.of(partition, OffsetSpec.latest()), options)
                .partitionResult(partition)
                .whenComplete((info, error) -> answer(callers, info, error));
    }

    private void answer(CompletableFuture<Long> callers, ListOffsetsResultInfo info, Throwable error) {
        CompletableFuture<Long> waiting;
        synchronized (this) {
            lastFailure = error;
            waiting = next;
            next = null;
            inFlight = waiting != null;
        }
        if (error != null) {
            callers.completeExceptionally(error);
        } else {
            callers.complete(info.offset());
        }
        if (waiting != null) {
            send(waiting);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
