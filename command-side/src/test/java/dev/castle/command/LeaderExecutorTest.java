package dev.castle.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.state.RegistryModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderExecutorTest {
    private final FakeLog eventLog = new FakeLog();
    private final FakeStore store = new FakeStore();
    private LeaderExecutor executor;

    @AfterEach
    void close() {
        if (executor != null) {
            executor.close();
        }
    }

    /** Every command appends one event and answers the number of events its view had already seen. */
    private static Decision countingDecision(Command command, RegistryView view) {
        return new Decision(List.of(new Event.Noop()), view.appliedOffset() + 1);
    }

    private void start(BiFunction<Command, RegistryView, Decision> decider) {
        executor = new LeaderExecutor(decider, store, eventLog, ScratchCounter::new, Duration.ofSeconds(5));
        executor.start();
    }

    private static Command command(String subject) {
        return new Command.DeleteSubject(subject, false);
    }

    @Test
    void shouldAppendANoopAndWaitForItBeforeDeciding() {
        // when
        start(LeaderExecutorTest::countingDecision);

        // then
        assertThat(eventLog.batches).containsExactly(List.of(new Event.Noop()));
        assertThat(store.awaited).containsExactly(0L);
    }

    @Test
    void shouldAnswerOnlyOnceTheStoreHasAppliedTheBatch() throws Exception {
        // given
        start(LeaderExecutorTest::countingDecision);

        // when
        Object answer = executor.submit(command("a")).get(5, TimeUnit.SECONDS);

        // then the one event before it (the NOOP) was seen, and the store was awaited at the command's offset
        assertThat(answer).isEqualTo(1L);
        assertThat(store.awaited).containsExactly(0L, 1L);
    }

    @Test
    void shouldLetLaterCommandsOfABatchSeeTheEventsOfEarlierOnes() throws Exception {
        // given a decider that holds the first command until three more are queued
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        start((command, view) -> {
            if (command.equals(command("first"))) {
                deciding.countDown();
                await(queued);
            }
            return countingDecision(command, view);
        });
        CompletableFuture<Object> first = executor.submit(command("first"));
        await(deciding);
        List<CompletableFuture<Object>> rest = new ArrayList<>();
        for (String subject : List.of("b", "c", "d")) {
            rest.add(executor.submit(command(subject)));
        }

        // when
        queued.countDown();

        // then the three queued commands went out as one batch, each seeing the ones before it
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        List<Object> answers = new ArrayList<>();
        for (CompletableFuture<Object> future : rest) {
            answers.add(future.get(5, TimeUnit.SECONDS));
        }
        assertThat(answers).containsExactly(2L, 3L, 4L);
        assertThat(eventLog.batches).hasSize(3);
        assertThat(eventLog.batches.get(2)).hasSize(3);
    }

    @Test
    void shouldSurviveADeciderThatOverflowsTheStack() throws Exception {
        // given a decider that overflows the stack on one command
        start((command, view) -> {
            if (command.equals(command("deep"))) {
                throw new StackOverflowError();
            }
            return countingDecision(command, view);
        });

        // when
        CompletableFuture<Object> deep = executor.submit(command("deep"));

        // then that command fails, and the executor keeps deciding
        assertThatThrownBy(() -> deep.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
        assertThat(executor.submit(command("after")).get(5, TimeUnit.SECONDS)).isEqualTo(1L);
    }

    @Test
    void shouldFailTheBatchAndLeaveTheProcessAnOutOfMemoryError() throws Exception {
        // given a decider that runs out of memory, and a process handler that records what reaches it
        CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.complete(error));
        try {
            start((command, view) -> {
                throw new OutOfMemoryError("Java heap space");
            });

            // when a command is decided
            CompletableFuture<Object> answer = executor.submit(command("big"));

            // then its caller hears of it, and the error reaches the process's handler instead of being outlived
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OutOfMemoryError.class);
            assertThat(uncaught.get(5, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void shouldFailOnlyTheRejectedCommandOfABatch() throws Exception {
        // given
        start((command, view) -> {
            if (command.equals(command("bad"))) {
                throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "bad");
            }
            return countingDecision(command, view);
        });

        // when
        CompletableFuture<Object> bad = executor.submit(command("bad"));
        CompletableFuture<Object> good = executor.submit(command("good"));

        // then
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RegistryException.class)
                .hasMessageContaining("Subject 'bad' not found.");
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
    }

    @Test
    void shouldRefuseACommandWhoseRecordsTheLogCannotTakeAndWriteTheRest() throws Exception {
        // given a log that cannot take the record of one command
        Event huge = new Event.ContextAdded("default", ".huge");
        eventLog.fits = events -> !events.contains(huge);
        start((command, view) ->
                command.equals(command("huge")) ? new Decision(List.of(huge), 0L) : countingDecision(command, view));

        // when
        CompletableFuture<Object> tooLarge = executor.submit(command("huge"));
        CompletableFuture<Object> fine = executor.submit(command("fine"));

        // then
        assertThatThrownBy(() -> tooLarge.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RegistryException.class)
                .hasMessageContaining("Register operation failed because schema is too large");
        assertThat(fine.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(eventLog.batches).noneMatch(batch -> batch.contains(huge));
    }

    @Test
    void shouldAnswerWithoutWritingWhenADecisionHasNoEvents() throws Exception {
        // given
        start((command, view) -> Decision.answer("same"));

        // when
        Object answer = executor.submit(command("a")).get(5, TimeUnit.SECONDS);

        // then
        assertThat(answer).isEqualTo("same");
        assertThat(eventLog.batches).hasSize(1);
    }

    @Test
    void shouldFailTheBatchWithAStoreErrorWhenTheAppendFails() {
        // given
        start(LeaderExecutorTest::countingDecision);
        eventLog.failNext = new LogWriteException("broken", null, false);

        // when
        CompletableFuture<Object> answer = executor.submit(new Command.SetConfig(null, null));

        // then
        assertThat(failure(answer).errorCode()).isEqualTo(ErrorCode.STORE_ERROR);
        assertThat(failure(answer).getMessage())
                .isEqualTo("Update config operation failed while writing to the Kafka store");
    }

    @Test
    void shouldTellTheObserverOfEachBatchAndEachAppend() throws Exception {
        // given
        List<String> heard = new CopyOnWriteArrayList<>();
        executor = new LeaderExecutor(
                LeaderExecutorTest::countingDecision,
                store,
                eventLog,
                ScratchCounter::new,
                Duration.ofSeconds(5),
                new WriteObserver() {
                    @Override
                    public void batchDecided(int commands, int events) {
                        heard.add("decided " + commands + " into " + events);
                    }

                    @Override
                    public void batchAppended(int events, long nanos, boolean committed) {
                        heard.add((committed ? "committed " : "failed ") + events + (nanos >= 0 ? "" : " backwards"));
                    }
                });
        executor.start();

        // when one batch is written and the next one's append fails
        executor.submit(command("a")).get(5, TimeUnit.SECONDS);
        eventLog.failNext = new LogWriteException("broken", null, false);
        failure(executor.submit(command("b")));

        // then the leader's NOOP barrier is no batch, and each batch was heard of before it was answered
        assertThat(heard).containsExactly("decided 1 into 1", "committed 1", "decided 1 into 1", "failed 1");
    }

    @Test
    void shouldFailTheBatchWithATimeoutWhenTheStoreDoesNotCatchUp() {
        // given
        start(LeaderExecutorTest::countingDecision);
        store.stalled = true;

        // when
        CompletableFuture<Object> answer = executor.submit(
                new Command.RegisterSchema("s", dev.castle.domain.SchemaRequest.of(null, "x", null), false));

        // then
        assertThat(failure(answer).errorCode()).isEqualTo(ErrorCode.OPERATION_TIMEOUT);
        assertThat(failure(answer).getMessage()).isEqualTo("Register operation timed out");
    }

    @Test
    void shouldFinishTheBatchInHandWhenClosed() throws Exception {
        // given a command being decided
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start((command, view) -> {
            deciding.countDown();
            await(release);
            return countingDecision(command, view);
        });
        CompletableFuture<Object> inHand = executor.submit(command("a"));
        await(deciding);

        // when the executor is closed meanwhile
        Thread closing = new Thread(executor::close);
        closing.start();
        release.countDown();
        closing.join(10_000);

        // then the command in hand is still written and answered, and later ones are refused
        assertThat(inHand.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThatThrownBy(() -> executor.submit(command("b")).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        executor = null;
    }

    private static RegistryException failure(CompletableFuture<Object> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (RegistryException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The real fold's view of a registry whose last applied record, at {@code offset}, was a NOOP (none when -1): what
     * a store or scratch copy that has seen that many events answers, so a decision's view shows what it saw.
     */
    static RegistryView foldedTo(long offset) {
        RegistryModel model = new RegistryModel();
        if (offset >= 0) {
            model.apply(new Event.Noop(), offset);
        }
        return model;
    }

    /** A log that hands out consecutive offsets. */
    static final class FakeLog implements EventLog {
        final List<List<Event>> batches = new ArrayList<>();
        volatile LogWriteException failNext;
        volatile Predicate<List<Event>> fits = events -> true;
        long next;

        @Override
        public void open() {}

        @Override
        public boolean fits(List<Event> events) {
            return fits.test(events);
        }

        @Override
        public synchronized List<Long> append(List<Event> events) {
            if (failNext != null) {
                LogWriteException failure = failNext;
                failNext = null;
                throw failure;
            }
            batches.add(List.copyOf(events));
            List<Long> offsets = new ArrayList<>();
            events.forEach(e -> offsets.add(next++));
            return offsets;
        }

        @Override
        public void close() {}
    }

    /** A store that applies an offset when it is awaited, unless stalled; its views are snapshots. */
    static final class FakeStore implements LocalStore {
        final List<Long> awaited = new CopyOnWriteArrayList<>();
        private volatile long applied = -1;
        volatile boolean stalled;

        @Override
        public RegistryView view() {
            return foldedTo(applied);
        }

        @Override
        public void awaitApplied(long offset, Duration timeout) throws TimeoutException {
            if (stalled) {
                throw new TimeoutException("stalled");
            }
            awaited.add(offset);
            applied = Math.max(applied, offset);
        }

        @Override
        public void catchUp(Duration timeout) {
            throw new UnsupportedOperationException("The executor waits for the offsets it wrote");
        }
    }

    /** A scratch copy counting the events folded into it. */
    static final class ScratchCounter implements Scratch {
        private long applied;

        ScratchCounter(RegistryView base) {
            this.applied = base.appliedOffset();
        }

        @Override
        public RegistryView view() {
            return foldedTo(applied);
        }

        @Override
        public void apply(Event event) {
            applied++;
        }
    }
}
