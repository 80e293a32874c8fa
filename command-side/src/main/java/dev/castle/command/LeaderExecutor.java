package dev.castle.command;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer (DESIGN §5): one thread, no locks, drains queued commands in batches, decides each against a
 * scratch copy of the local view, appends the batch's events in one transaction, waits until the local store has
 * applied them and only then answers. Becoming leader first appends a NOOP and waits for it, so decisions start from
 * the whole log.
 */
public final class LeaderExecutor implements CommandGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderExecutor.class);
    private static final int MAX_BATCH = 256;

    private final BiFunction<Command, RegistryView, Decision> decider;
    private final LocalStore store;
    private final EventLog eventLog;
    private final Function<RegistryView, Scratch> scratches;
    private final Duration timeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running;

    private record Pending(Command command, CompletableFuture<Object> future) {}

    /** Queued by {@link #close()}: the thread finishes the batch in hand and stops. */
    private static final Pending STOP = new Pending(null, new CompletableFuture<>());

    private record Decided(Pending pending, Object response) {}

    /**
     * @param decider the rules, {@code Decider::decide}: a pure function of the command and a view
     * @param scratches makes a scratch copy over a view into which a batch's events are folded
     * @param timeout how long a batch may wait for the local store to apply its events
     */
    public LeaderExecutor(
            BiFunction<Command, RegistryView, Decision> decider,
            LocalStore store,
            EventLog eventLog,
            Function<RegistryView, Scratch> scratches,
            Duration timeout) {
        this.decider = decider;
        this.store = store;
        this.eventLog = eventLog;
        this.scratches = scratches;
        this.timeout = timeout;
        this.thread = new Thread(this::run, "castle-leader-executor");
        this.thread.setDaemon(true);
    }

    /** Claims the log, appends the leader's NOOP barrier, waits until it is applied, then starts deciding. */
    public void start() {
        eventLog.open();
        List<Long> offsets = eventLog.append(List.of(new Event.Noop()));
        awaitApplied(offsets.get(offsets.size() - 1));
        running = true;
        thread.start();
        log.info("Leader executor started at offset {}", offsets.get(0));
    }

    @Override
    public CompletableFuture<Object> submit(Command command) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("The leader executor is not running"));
            return future;
        }
        queue.add(new Pending(command, future));
        if (!running && queue.remove(new Pending(command, future))) {
            future.completeExceptionally(new IllegalStateException("The leader executor is not running"));
        }
        return future;
    }

    @Override
    public void close() {
        running = false;
        queue.add(STOP);
        try {
            thread.join(timeout.toMillis() + 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.remove(STOP);
        left.forEach(p -> p.future().completeExceptionally(new IllegalStateException("The node is shutting down")));
        eventLog.close();
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                executeSafely(batch);
            }
        }
    }

    private void executeSafely(List<Pending> batch) {
        try {
            execute(batch);
        } catch (RuntimeException e) {
            log.error("A batch of {} commands failed unexpectedly", batch.size(), e);
            batch.forEach(p -> p.future().completeExceptionally(e));
        }
    }

    private void execute(List<Pending> batch) {
        Scratch scratch = scratches.apply(store.view());
        List<Event> events = new ArrayList<>();
        List<Decided> decided = new ArrayList<>();
        for (Pending pending : batch) {
            try {
                Decision decision = decider.apply(pending.command(), scratch.view());
                decision.events().forEach(scratch::apply);
                events.addAll(decision.events());
                decided.add(new Decided(pending, decision.response()));
            } catch (RuntimeException e) {
                pending.future().completeExceptionally(e);
            }
        }
        if (!events.isEmpty() && !write(events, decided)) {
            return;
        }
        decided.forEach(d -> d.pending().future().complete(d.response()));
    }

    /** Appends and waits; on failure fails every decided command of the batch and returns false. */
    private boolean write(List<Event> events, List<Decided> decided) {
        try {
            List<Long> offsets = eventLog.append(events);
            awaitApplied(offsets.get(offsets.size() - 1));
            return true;
        } catch (LogWriteException e) {
            log.warn(
                    "A batch of {} commands ({} events) was not written: {}",
                    decided.size(),
                    events.size(),
                    e.toString());
            decided.forEach(d -> d.pending()
                    .future()
                    .completeExceptionally(WriteFailures.of(d.pending().command(), e.timedOut())));
            return false;
        }
    }

    private void awaitApplied(long offset) {
        try {
            store.awaitApplied(offset, timeout);
        } catch (TimeoutException e) {
            throw new LogWriteException("The local store did not apply offset " + offset + " in time", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogWriteException("Interrupted while waiting for offset " + offset, e, false);
        }
    }
}
