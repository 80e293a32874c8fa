package dev.castle.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldStatusTest {

    @Test
    void shouldMeasureLagFromThePositionToTheLogsEnd() {
        assertThat(new FoldStatus(FoldStatus.Phase.RUNNING, 9, 10, 25, 0).lag()).isEqualTo(15);
        assertThat(new FoldStatus(FoldStatus.Phase.RUNNING, 9, 10, 10, 0).lag()).isZero();
    }

    @Test
    void shouldNeverReportANegativeOrUnknownLag() {
        // a log end heard before the position moved past it
        assertThat(new FoldStatus(FoldStatus.Phase.RUNNING, 9, 12, 10, 0).lag()).isZero();
        assertThat(new FoldStatus(FoldStatus.Phase.CATCHING_UP, -1, -1, 10, 0).lag())
                .isZero();
        assertThat(new FoldStatus(FoldStatus.Phase.CATCHING_UP, -1, 4, -1, 0).lag())
                .isZero();
    }
}
