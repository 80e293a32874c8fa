package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5);

    @Test
    void shouldReturnEverythingWhenLimitIsNotPositive() {
        assertThat(Page.of(0, -1).apply(ITEMS)).containsExactly(1, 2, 3, 4, 5);
        assertThat(Page.of(0, 0).apply(ITEMS)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldSkipOffsetThenTakeLimit() {
        assertThat(Page.of(1, 2).apply(ITEMS)).containsExactly(2, 3);
        assertThat(Page.of(4, 10).apply(ITEMS)).containsExactly(5);
    }

    @Test
    void shouldReturnNothingWhenOffsetIsPastTheEnd() {
        assertThat(Page.of(1, 1).apply(List.of("."))).isEmpty();
        assertThat(Page.of(5, -1).apply(ITEMS)).isEmpty();
    }

    @Test
    void shouldTreatNegativeOffsetAsZero() {
        assertThat(Page.of(-3, 1).apply(ITEMS)).containsExactly(1);
    }

    @Test
    void shouldApplyDefaultAndMaximumWhenBounded() {
        assertThat(Page.bounded(0, -1, 2, 3).apply(ITEMS)).containsExactly(1, 2);
        assertThat(Page.bounded(0, 10, 2, 3).apply(ITEMS)).containsExactly(1, 2, 3);
        assertThat(Page.bounded(1, 1, 2, 3).apply(ITEMS)).containsExactly(2);
    }
}
