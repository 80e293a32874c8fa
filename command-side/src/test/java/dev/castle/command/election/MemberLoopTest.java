package dev.castle.command.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The member's poll loop without a broker. Waits are bounded by {@link #GUARD} only so that a broken loop fails the
 * test instead of hanging the build; the loops under test finish in milliseconds or, when a back-off must be cut
 * short, wait a day.
 */
class MemberLoopTest {
    private static final long GUARD = TimeUnit.MINUTES.toMillis(1);
    private static final MemberLoop.Backoff SHORT = new MemberLoop.Backoff(Duration.ofMillis(1), Duration.ofMillis(1));
    private static final MemberLoop.Backoff ONE_DAY = new MemberLoop.Backoff(Duration.ofDays(1), Duration.ofDays(1));

    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger voided = new AtomicInteger();
    private final CountDownLatch failed = new CountDownLatch(1);
    private MemberLoop loop;
    private Thread thread;

    @AfterEach
    void stopLoop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(GUARD);
        }
    }

    private void start(Runnable round, Runnable onFailure, MemberLoop.Backoff backoff) {
        loop = new MemberLoop("test-member", round, onFailure, backoff);
        thread = new Thread(loop, "member-loop-test");
        thread.setDaemon(true);
        thread.start();
    }

    private Runnable voidLeadership() {
        return () -> {
            voided.incrementAndGet();
            failed.countDown();
        };
    }

    /** A round that throws the given exception on its first call and succeeds afterwards, counting down per success. */
    private Runnable failingOnce(RuntimeException failure, CountDownLatch successes) {
        return () -> {
            if (polls.incrementAndGet() == 1) {
                throw failure;
            }
            successes.countDown();
        };
    }

    @Test
    void shouldKeepPollingAfterAFailedRoundAndVoidLeadership() throws InterruptedException {
        // given a round that fails as a denied group would, then works
        CountDownLatch successes = new CountDownLatch(3);

        // when
        start(failingOnce(new GroupAuthorizationException("denied"), successes), voidLeadership(), SHORT);

        // then the loop polled on, and the listener heard once that leadership is void
        assertThat(successes.await(GUARD, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(polls.get()).isGreaterThanOrEqualTo(4);
        assertThat(voided.get()).isEqualTo(1);
        assertThat(thread.isAlive()).isTrue();
    }

    @Test
    void shouldStopPromptlyDuringALongBackoff() throws InterruptedException {
        // given a loop whose round fails and that now backs off for a day
        start(
                () -> {
                    polls.incrementAndGet();
                    throw new IllegalStateException("bug in a callback");
                },
                voidLeadership(),
                ONE_DAY);
        assertThat(failed.await(GUARD, TimeUnit.MILLISECONDS)).isTrue();

        // when
        loop.stop();
        thread.join(GUARD);

        // then the wait was cut short and no round ran after the failure
        assertThat(thread.isAlive()).isFalse();
        assertThat(polls.get()).isEqualTo(1);
    }

    @Test
    void shouldTreatAWakeupAsAnEarlyEndOfTheRound() throws InterruptedException {
        // given a round woken up (as requestRejoin does), then polling normally
        CountDownLatch successes = new CountDownLatch(2);

        // when
        start(failingOnce(new WakeupException(), successes), voidLeadership(), ONE_DAY);

        // then it polled on at once, with no back-off and leadership untouched
        assertThat(successes.await(GUARD, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(voided.get()).isZero();
    }

    @Test
    void shouldSurviveAListenerThatThrows() throws InterruptedException {
        // given voiding leadership fails too
        CountDownLatch successes = new CountDownLatch(2);
        Runnable brokenListener = () -> {
            voided.incrementAndGet();
            throw new IllegalStateException("listener bug");
        };

        // when
        start(failingOnce(new IllegalStateException("round bug"), successes), brokenListener, SHORT);

        // then
        assertThat(successes.await(GUARD, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(voided.get()).isEqualTo(1);
    }

    @Test
    void shouldStopWhilePaused() throws InterruptedException {
        // given a loop whose first round pauses it, as a test pausing a member would
        CountDownLatch paused = new CountDownLatch(1);
        start(
                () -> {
                    polls.incrementAndGet();
                    loop.pause();
                    paused.countDown();
                },
                voidLeadership(),
                SHORT);
        assertThat(paused.await(GUARD, TimeUnit.MILLISECONDS)).isTrue();

        // when
        loop.stop();
        thread.join(GUARD);

        // then the pause wait ended and no round ran while paused
        assertThat(thread.isAlive()).isFalse();
        assertThat(polls.get()).isEqualTo(1);
    }

    @Test
    void shouldDoubleTheBackoffUpToItsMaximum() {
        MemberLoop.Backoff backoff = new MemberLoop.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(1));
    }
}
