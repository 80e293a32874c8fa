package dev.castle.topology.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FoldPositionTest {
    private final FoldPosition position = new FoldPosition();

    @Test
    void shouldWakeWaiterWhenPositionReachesEnd() throws Exception {
        // given a reader waiting for everything before offset 5
        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(() -> position.awaitAtLeast(5, Duration.ofSeconds(30)));

        // when the fold publishes progress, short of the end and then past it
        position.publish(3);
        position.publish(7);

        // then the waiter returns, caught up
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(position.current()).isEqualTo(7);
    }

    @Test
    void shouldReturnAtOnceWhenAlreadyThere() {
        // given
        position.publish(5);

        // when / then
        assertThat(position.awaitAtLeast(5, Duration.ZERO)).isTrue();
    }

    @Test
    void shouldGiveUpWhenTimeoutRunsOut() {
        // given
        position.publish(4);

        // when / then
        assertThat(position.awaitAtLeast(5, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void shouldFollowPositionBackWhenFoldStartsOver() {
        // given
        position.publish(9);

        // when the global consumer is positioned at the beginning again
        position.publish(0);

        // then nobody is told the fold holds what it no longer holds
        assertThat(position.current()).isZero();
        assertThat(position.awaitAtLeast(9, Duration.ZERO)).isFalse();
    }
}
