package dev.castle.topology.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final Progress progress = new Progress();
    private final AtomicLong applied = new AtomicLong();

    @Test
    void shouldWakeWaiterWhenSignalledStepReachesItsTarget() throws Exception {
        // given a waiter for step 3
        CompletableFuture<Boolean> waiter =
                CompletableFuture.supplyAsync(() -> progress.await(() -> applied.get() >= 3, Duration.ofMinutes(1)));

        // when the writer steps forward and signals each step
        for (int step = 1; step <= 3; step++) {
            applied.set(step);
            progress.signal();
        }

        // then the waiter returns true
        assertThat(waiter.get()).isTrue();
    }

    @Test
    void shouldAnswerFalseWhenTimeRunsOut() {
        // when nothing moves
        boolean reached = progress.await(() -> applied.get() >= 1, Duration.ofMillis(20));

        // then
        assertThat(reached).isFalse();
    }

    @Test
    void shouldNotWaitWhenConditionAlreadyHolds() {
        // given
        applied.set(5);

        // when no time is given at all
        boolean reached = progress.await(() -> applied.get() >= 5, Duration.ZERO);

        // then
        assertThat(reached).isTrue();
    }

    @Test
    void shouldPassConditionsExceptionToCaller() {
        assertThatThrownBy(() -> progress.await(
                        () -> {
                            throw new IllegalStateException("failed");
                        },
                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("failed");
    }
}
