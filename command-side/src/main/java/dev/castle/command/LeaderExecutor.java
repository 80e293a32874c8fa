package dev.castle.command;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer (DESIGN §5): one thread, no locks, drains queued commands in batches, decides each against a
 * scratch copy of the local view, appends the batch's events in one transaction, and answers once the local store
 * has applied them. Becoming leader first appends a NOOP and waits for it, so decisions start from the whole log.
 *
 * <p>Waiting for the store is pipelined: once a batch is committed, a second thread waits until the store has applied
 * it and answers its commands, while this thread already decides the next batch. Until then the committed events are
 * folded into the next batch's scratch as well (folding an event the store has meanwhile applied again changes
 * nothing: every event sets state to a value it carries), so no decision misses a committed write.
 */
public final class LeaderExecutor implements CommandGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderExecutor.class);
    private static final int MAX_BATCH = 256;

    private final BiFunction<Command, RegistryView, Decision> decider;
    private final LocalStore store;
    private final EventLog eventLog;
    private final Function<RegistryView, Scratch> scratches;
    private final Duration timeout;
    private final WriteObserver observer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final ExecutorService completer;
    /** Committed batches whose commands are not answered yet, oldest first. */
    private final Deque<InFlight> inFlight = new ConcurrentLinkedDeque<>();

    private volatile boolean running;

    private record InFlight(long lastOffset, List<Event> events, List<Decided> decided) {}

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
        this(decider, store, eventLog, scratches, timeout, WriteObserver.NONE);
    }

    /** @param observer hears of each batch and each append, for metrics */
    public LeaderExecutor(
            BiFunction<Command, RegistryView, Decision> decider,
            LocalStore store,
            EventLog eventLog,
            Function<RegistryView, Scratch> scratches,
            Duration timeout,
            WriteObserver observer) {
        this.decider = decider;
        this.observer = observer;
        this.store = store;
        this.eventLog = eventLog;
        this.scratches = scratches;
        this.timeout = timeout;
        this.thread = new Thread(this::run, "castle-leader-executor");
        this.thread.setDaemon(true);
        this.completer = Executors.newSingleThreadExecutor(runnable -> {
            Thread answering = new Thread(runnable, "castle-leader-completer");
            answering.setDaemon(true);
            return answering;
        });
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
        completer.shutdown();
        try {
            completer.awaitTermination(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
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
        } catch (RuntimeException | Error e) {
            // a bug; the single writer must outlive it, or every later write would hang
            log.error("A batch of {} commands failed unexpectedly", batch.size(), e);
            batch.forEach(p -> p.future().completeExceptionally(e));
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                // out of memory or a broken JVM: not a bug to outlive; the process's uncaught-exception handler ends it
                throw (Error) e;
            }
        }
    }

    private void execute(List<Pending> batch) {
        RegistryView base = store.view();
        long applied = base.appliedOffset();
        Scratch scratch = scratches.apply(base);
        for (InFlight committed : inFlight) {
            if (committed.lastOffset() > applied) {
                committed.events().forEach(scratch::apply);
            }
        }
        List<Event> events = new ArrayList<>();
        List<Decided> decided = new ArrayList<>();
        for (Pending pending : batch) {
            try {
                Decision decision = decider.apply(pending.command(), scratch.view());
                if (!eventLog.fits(decision.events())) {
                    throw new RegistryException(ErrorCode.SCHEMA_TOO_LARGE);
                }
                decision.events().forEach(scratch::apply);
                events.addAll(decision.events());
                decided.add(new Decided(pending, decision.response()));
            } catch (RuntimeException | StackOverflowError e) {
                pending.future().completeExceptionally(e);
            }
        }
        observer.batchDecided(batch.size(), events.size());
        if (events.isEmpty()) {
            decided.forEach(d -> d.pending().future().complete(d.response()));
        } else {
            write(events, decided);
        }
    }

    /** Appends, then lets the completer answer once the store has applied the batch; fails the batch on error. */
    private void write(List<Event> events, List<Decided> decided) {
        List<Long> offsets;
        long start = System.nanoTime();
        try {
            offsets = eventLog.append(events);
        } catch (LogWriteException e) {
            observer.batchAppended(events.size(), System.nanoTime() - start, false);
            fail(decided, events.size(), e);
            return;
        }
        observer.batchAppended(events.size(), System.nanoTime() - start, true);
        InFlight committed = new InFlight(offsets.get(offsets.size() - 1), List.copyOf(events), decided);
        inFlight.add(committed);
        completer.execute(() -> answer(committed));
    }

    private void answer(InFlight committed) {
        try {
            awaitApplied(committed.lastOffset());
            committed.decided().forEach(d -> d.pending().future().complete(d.response()));
        } catch (LogWriteException e) {
            fail(committed.decided(), committed.events().size(), e);
        } finally {
            inFlight.remove(committed);
        }
    }

    private void fail(List<Decided> decided, int eventCount, LogWriteException e) {
        log.warn(
                "A batch of {} commands ({} events) was not acknowledged: {}",
                decided.size(),
                eventCount,
                e.toString());
        decided.forEach(d -> d.pending()
                .future()
                .completeExceptionally(WriteFailures.of(d.pending().command(), e.timedOut())));
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
