package dev.castle.topology;

import dev.castle.domain.RegistryView;
import dev.castle.topology.internals.CommittedEnd;
import dev.castle.topology.internals.FoldClientSupplier;
import dev.castle.topology.internals.FoldPosition;
import dev.castle.topology.internals.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of the fold: starts Kafka Streams on the global-only topology, tells when the store has caught up with
 * the topic, serves the {@link RegistryView} and waits for offsets to be applied.
 *
 * <p>Readiness: a global-only {@link KafkaStreams} reaches {@code RUNNING} only after its global thread has restored
 * the store up to the end offset it observed when it started, comparing the consumer's position (not the last record's
 * offset) with that end offset, so transaction markers at the end of the topic cannot keep it waiting, and an empty
 * topic is ready at once. The global consumer reads {@code read_committed}.
 *
 * <p>Catching up: {@link #catchUp} asks the log's end offset as a {@code read_committed} reader sees it, then waits
 * until the global consumer's position, published only once every record before it was applied, reaches that end. It
 * compares positions, not record offsets, because a transactional log ends in commit markers that no record carries.
 */
public final class RegistryStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryStreams.class);
    private static final Duration END_OFFSET_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Properties clientProperties;
    private final String topic;
    private final FoldPosition position = new FoldPosition();
    private final Progress stateChanges = new Progress();
    /** The log's committed end as the broker last answered {@link #refreshLogEnd()}; -1 before it has. */
    private final AtomicLong askedEnd = new AtomicLong(-1);

    private KafkaStreams streams;
    private Path temporaryStateDir;
    private volatile CommittedEnd committedEnd;
    private volatile RegistryStore store;

    /**
     * @param clientProperties Kafka client properties ({@code bootstrap.servers}, security, …); may carry
     *     {@code application.id} and {@code state.dir}, which otherwise default to {@code castle-<topic>} and a
     *     temporary directory removed on close
     * @param topic the {@code _schemas} topic
     */
    public RegistryStreams(Properties clientProperties, String topic) {
        this.clientProperties = new Properties();
        this.clientProperties.putAll(clientProperties);
        this.topic = topic;
    }

    /** Creates and starts Kafka Streams; the store then replays the topic from the beginning. */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("Already started");
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        committedEnd = new CommittedEnd(clientProperties, partition, END_OFFSET_REQUEST_TIMEOUT);
        streams = new KafkaStreams(
                RegistryTopology.build(topic), streamsProperties(), new FoldClientSupplier(partition, position));
        streams.setStateListener((newState, oldState) -> signalStateChange(newState));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("The registry fold of {} failed", topic, e);
            if (e instanceof VirtualMachineError) {
                // out of memory or a broken JVM: the process's own handler decides (Castle's ends the process)
                Thread.UncaughtExceptionHandler process = Thread.getDefaultUncaughtExceptionHandler();
                if (process != null) {
                    process.uncaughtException(Thread.currentThread(), e);
                }
            }
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
    }

    private Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.putIfAbsent(
                StreamsConfig.APPLICATION_ID_CONFIG, "castle-" + topic.replaceAll("[^A-Za-z0-9._-]", "_"));
        if (!properties.containsKey(StreamsConfig.STATE_DIR_CONFIG)) {
            temporaryStateDir = createTemporaryStateDir();
            properties.put(StreamsConfig.STATE_DIR_CONFIG, temporaryStateDir.toString());
        }
        // the fold never throws; opting in now silences Kafka's warning and matches its 5.0 default
        properties.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        properties.put(
                StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
                IsolationLevel.READ_COMMITTED.toString());
        return properties;
    }

    private static Path createTemporaryStateDir() {
        try {
            return Files.createTempDirectory("castle-streams-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Kafka Streams state directory", e);
        }
    }

    private void signalStateChange(KafkaStreams.State newState) {
        if (newState == KafkaStreams.State.RUNNING) {
            log.info("The registry store has caught up with {}", topic);
        }
        stateChanges.signal();
    }

    /**
     * Waits until the store has applied the topic up to its end offset observed at start. Returns false on timeout;
     * throws {@link IllegalStateException} if Kafka Streams failed or was closed.
     */
    public boolean awaitReady(Duration timeout) {
        KafkaStreams started = started();
        return stateChanges.await(
                () -> {
                    KafkaStreams.State state = started.state();
                    if (state != KafkaStreams.State.RUNNING
                            && !state.isRunningOrRebalancing()
                            && state != KafkaStreams.State.CREATED) {
                        throw new IllegalStateException("The registry fold of " + topic + " is " + state);
                    }
                    return state == KafkaStreams.State.RUNNING;
                },
                timeout);
    }

    /** The registry as folded so far; available once {@link #awaitReady} returned true. */
    public RegistryView view() {
        return registryStore();
    }

    /** Waits until the record at {@code offset} is applied to this node's store; false on timeout. */
    public boolean awaitApplied(long offset, Duration timeout) {
        return registryStore().awaitApplied(offset, timeout);
    }

    /**
     * Waits until this node's store has applied every record the log held, as committed, when this call began: so any
     * write acknowledged before is visible here afterwards. Costs one request to the broker (shared by concurrent
     * callers) and, on a node that is not behind, no wait. Returns false when it could not tell or the wait timed out;
     * the store then keeps serving what it has.
     */
    public boolean catchUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CommittedEnd ends = committedEnd;
        if (ends == null) {
            return false;
        }
        long end;
        try {
            end = ends.request().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Could not ask the end offset of {}: {}", topic, e.toString());
            return false;
        }
        return position.awaitAtLeast(end, Duration.ofNanos(deadline - System.nanoTime()));
    }

    /** Where the fold stands: its phase, offsets and lag; cheap (no request to the broker). */
    public FoldStatus status() {
        KafkaStreams current;
        synchronized (this) {
            current = streams;
        }
        FoldStatus.Phase phase = current == null ? FoldStatus.Phase.STOPPED : phase(current.state());
        long applied = -1;
        long skipped = 0;
        if (phase == FoldStatus.Phase.RUNNING || store != null) {
            try {
                RegistryStore readable = registryStore();
                applied = readable.appliedOffset();
                skipped = readable.skippedCount();
            } catch (RuntimeException e) {
                // stopped meanwhile: nothing to read any more
            }
        }
        long logEnd = Math.max(position.logEnd(), askedEnd.get());
        return new FoldStatus(phase, applied, position.current(), logEnd, skipped);
    }

    /**
     * Asks the broker for the log's committed end without waiting for the answer, which a later {@link #status()}
     * counts in. The global consumer knows the end only from its own fetches, which a node cut off from the broker no
     * longer makes; a health check calls this so that such a node shows its lag. Shares requests with {@link #catchUp}.
     */
    public void refreshLogEnd() {
        CommittedEnd ends = committedEnd;
        if (ends != null) {
            ends.request().thenAccept(end -> askedEnd.accumulateAndGet(end, Math::max));
        }
    }

    private static FoldStatus.Phase phase(KafkaStreams.State state) {
        return switch (state) {
            case RUNNING -> FoldStatus.Phase.RUNNING;
            case CREATED, REBALANCING -> FoldStatus.Phase.CATCHING_UP;
            case PENDING_ERROR, ERROR -> FoldStatus.Phase.FAILED;
            default -> FoldStatus.Phase.STOPPED;
        };
    }

    /** How many {@code _schemas} records were skipped as undecodable or contradictory. */
    public long skippedCount() {
        return registryStore().skippedCount();
    }

    private RegistryStore registryStore() {
        RegistryStore current = store;
        if (current == null) {
            current = (RegistryStore) started()
                    .store(StoreQueryParameters.fromNameAndType(RegistryTopology.STORE_NAME, new RegistryStoreType()));
            store = current;
        }
        return current;
    }

    private synchronized KafkaStreams started() {
        if (streams == null) {
            throw new IllegalStateException("Not started");
        }
        return streams;
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
            store = null;
        }
        if (committedEnd != null) {
            committedEnd.close();
            committedEnd = null;
        }
        if (temporaryStateDir != null) {
            deleteRecursively(temporaryStateDir);
            temporaryStateDir = null;
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the state directory {}", directory, e);
        }
    }
}
