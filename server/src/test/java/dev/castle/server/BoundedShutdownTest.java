package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BoundedShutdownTest {
    /** Generous: proves only that a stop does not hang for ever. */
    private static final Duration NEVER_HANGS = Duration.ofSeconds(30);

    @Test
    void shouldHaltWithoutWaitingForAResourceThatHangsInClose() throws Exception {
        // given a resource whose close never returns
        CountDownLatch never = new CountDownLatch(1);
        AutoCloseable hanging = never::await;
        List<Integer> halted = new ArrayList<>();

        // when it is closed within a bound
        boolean closed = assertTimeoutPreemptively(
                NEVER_HANGS, () -> BoundedShutdown.close(hanging, Duration.ofMillis(100), halted::add));

        // then the stop gives up and halts with a non-zero status
        assertThat(closed).isFalse();
        assertThat(halted).containsExactly(BoundedShutdown.STATUS);
        assertThat(BoundedShutdown.STATUS).isNotZero();
        never.countDown();
    }

    @Test
    void shouldNotHaltWhenTheResourceClosesInTime() {
        // given a resource that closes at once
        List<Integer> halted = new ArrayList<>();
        List<String> closes = new ArrayList<>();

        // when it is closed within a bound
        boolean closed = BoundedShutdown.close(() -> closes.add("closed"), NEVER_HANGS, halted::add);

        // then nothing halts
        assertThat(closed).isTrue();
        assertThat(closes).containsExactly("closed");
        assertThat(halted).isEmpty();
    }

    @Test
    void shouldNotHaltWhenCloseThrows() {
        // given a resource whose close fails
        List<Integer> halted = new ArrayList<>();

        // when it is closed
        boolean closed = BoundedShutdown.close(
                () -> {
                    throw new IllegalStateException("broken");
                },
                NEVER_HANGS,
                halted::add);

        // then the failure is logged, and the stop still counts as finished
        assertThat(closed).isTrue();
        assertThat(halted).isEmpty();
    }
}
