package dev.castle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void shouldReturnOnceTheConditionHolds() {
        // given a condition that holds on its fifth check
        AtomicInteger checks = new AtomicInteger();

        // when
        Await.until(() -> checks.incrementAndGet() == 5, Duration.ofSeconds(30), "the fifth check");

        // then it was not checked again after it held
        assertThat(checks).hasValue(5);
    }

    @Test
    void shouldFailNamingWhatItAwaitedWhenTheConditionNeverHolds() {
        assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(20), "the impossible"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the impossible");
    }

    @Test
    void shouldStopWaitingWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Await.until(() -> false, Duration.ofSeconds(30), "an interrupted wait"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
