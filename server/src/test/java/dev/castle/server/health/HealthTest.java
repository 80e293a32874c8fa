package dev.castle.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.health.Health.Lifecycle;
import dev.castle.topology.FoldStatus;
import dev.castle.topology.FoldStatus.Phase;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The readiness and liveness rules, on fold figures made up for each case. */
class HealthTest {
    private static final long MAX_LAG = 100;

    private static FoldStatus fold(Phase phase, long position, long logEnd) {
        return new FoldStatus(phase, position - 1, position, logEnd, 0);
    }

    @Test
    void shouldNotBeReadyBeforeTheFoldHasCaughtUp() {
        // given a node whose start-up is done but whose fold still replays the log
        FoldStatus replaying = fold(Phase.CATCHING_UP, 10, 5000);

        // then it is not ready, whatever its phase of life says
        assertThat(Health.readiness(Lifecycle.STARTING, replaying, MAX_LAG).passed())
                .isFalse();
        Health.Verdict serving = Health.readiness(Lifecycle.SERVING, replaying, MAX_LAG);
        assertThat(serving.passed()).isFalse();
        assertThat(serving.reason()).hasValue("the fold has not caught up with the log yet");
    }

    @Test
    void shouldNotBeReadyUntilStartUpHasFinished() {
        // given a fold that has caught up, on a node still joining the election and binding its listener
        FoldStatus caughtUp = fold(Phase.RUNNING, 42, 42);

        // then
        assertThat(Health.readiness(Lifecycle.STARTING, caughtUp, MAX_LAG).reason())
                .hasValue("the node is starting");
        assertThat(Health.readiness(Lifecycle.SERVING, caughtUp, MAX_LAG).passed())
                .isTrue();
    }

    @Test
    void shouldBeReadyUpToTheAllowedLagAndNotBeyond() {
        assertThat(Health.readiness(Lifecycle.SERVING, fold(Phase.RUNNING, 900, 1000), MAX_LAG)
                        .passed())
                .isTrue();

        Health.Verdict behind = Health.readiness(Lifecycle.SERVING, fold(Phase.RUNNING, 899, 1000), MAX_LAG);

        assertThat(behind.passed()).isFalse();
        assertThat(behind.reason())
                .hasValue("the fold is 101 records behind the log (at most 100 allowed by castle.health.max.fold.lag)");
    }

    @Test
    void shouldCountAnUnknownLogEndAsNoLag() {
        assertThat(fold(Phase.RUNNING, 7, -1).lag()).isZero();
        assertThat(fold(Phase.RUNNING, -1, 7).lag()).isZero();
        assertThat(Health.readiness(Lifecycle.SERVING, fold(Phase.RUNNING, 7, -1), 0)
                        .passed())
                .isTrue();
    }

    @Test
    void shouldStopBeingReadyOnceStoppingAndWhenTheFoldFails() {
        assertThat(Health.readiness(Lifecycle.STOPPING, fold(Phase.RUNNING, 5, 5), MAX_LAG)
                        .reason())
                .hasValue("the node is stopping");
        assertThat(Health.readiness(Lifecycle.SERVING, fold(Phase.FAILED, 5, 5), MAX_LAG)
                        .reason())
                .hasValue("the fold of the log has failed");
    }

    @Test
    void shouldBeAliveUnlessTheFoldFailed() {
        assertThat(Health.liveness(fold(Phase.CATCHING_UP, 0, 10)).passed()).isTrue();
        assertThat(Health.liveness(fold(Phase.RUNNING, 10, 10)).passed()).isTrue();
        assertThat(Health.liveness(fold(Phase.STOPPED, 10, 10)).passed()).isTrue();
        assertThat(Health.liveness(fold(Phase.FAILED, 10, 10)).passed()).isFalse();
    }

    @Test
    void shouldFollowTheNodesLifeAndAskForTheLogEndOnEachReadinessProbe() {
        // given
        AtomicReference<FoldStatus> status = new AtomicReference<>(fold(Phase.RUNNING, 3, 3));
        AtomicInteger asked = new AtomicInteger();
        Health health = new Health(status::get, asked::incrementAndGet, MAX_LAG);

        // then
        assertThat(health.readiness().passed()).isFalse();
        health.serving();
        assertThat(health.readiness().passed()).isTrue();
        assertThat(health.ready()).isTrue();
        status.set(fold(Phase.RUNNING, 3, 300));
        assertThat(health.ready()).isFalse();
        health.stopping();
        health.serving();
        assertThat(health.lifecycle()).isEqualTo(Lifecycle.STOPPING);
        assertThat(asked).hasValue(2);
    }
}
