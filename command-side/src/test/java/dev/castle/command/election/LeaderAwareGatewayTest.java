package dev.castle.command.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.castle.command.CommandGateway;
import dev.castle.command.LocalStore;
import dev.castle.command.WriteObserver;
import dev.castle.command.WriteRequest;
import dev.castle.command.forward.Forwarder;
import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaderAwareGatewayTest {
    private static final Command REGISTER = new Command.DeleteSubject("s", false);
    private static final WriteRequest REQUEST = new WriteRequest("DELETE", "/subjects/s", Map.of(), new byte[0]);

    private final FakeLeaders leaders = new FakeLeaders();
    private final List<Long> awaited = new CopyOnWriteArrayList<>();
    private final AtomicInteger catchUps = new AtomicInteger();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean leaderNamesOffset = true;
    private volatile boolean catchUpBlocks;
    private volatile boolean catchUpTimesOut;
    private volatile int leaderStatus = 200;
    private HttpServer leaderServer;
    private LeaderAwareGateway gateway;

    @BeforeEach
    void start() throws IOException {
        leaderServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        leaderServer.createContext("/", exchange -> {
            byte[] body = (leaderStatus == 200 ? "[1]" : "{\"error_code\":42201,\"message\":\"Invalid schema\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (leaderNamesOffset) {
                exchange.getResponseHeaders().add(Forwarder.OFFSET_HEADER, "17");
            }
            exchange.sendResponseHeaders(leaderStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        leaderServer.start();
        gateway = new LeaderAwareGateway(
                leaders,
                new Forwarder(Duration.ofSeconds(2), Duration.ofSeconds(5), List.of()),
                new RecordingStore(),
                Duration.ofMillis(500),
                Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        gateway.close();
        leaderServer.stop(0);
    }

    private SrIdentity remoteLeader() {
        return SrIdentity.of("http", "127.0.0.1", leaderServer.getAddress().getPort(), true);
    }

    private void awaitCatchUp() {
        Await.until(() -> catchUps.get() > 0, Duration.ofSeconds(10), "the store to catch up");
        assertThat(catchUps).hasValue(1);
    }

    private Object submit() throws Exception {
        return gateway.submit(REGISTER, REQUEST).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldDecideLocallyWhenElected() throws Exception {
        // given
        gateway.onRebalanceStarted();
        gateway.onElected(new Election(Optional.of(SrIdentity.of("http", "me", 1, true)), true, 1));

        // when / then
        assertThat(submit()).isEqualTo("decided by leader term 1");
    }

    @Test
    void shouldForwardToLeaderAndWaitForItsOffsetWhenFollowing() throws Exception {
        // given
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 1));

        // when
        Object answer = submit();

        // then
        assertThat(answer.toString()).isEqualTo("[1]");
        assertThat(awaited).containsExactly(17L);
        assertThat(catchUps).hasValue(0);
        assertThat(leaders.terms).hasValue(0);
    }

    @Test
    void shouldCatchUpWithLogBeforeAnsweringWhenLeaderNamesNoOffset() throws Exception {
        // given a follower of a leader that is not Castle (no offset header), and a store that lags
        leaderNamesOffset = false;
        catchUpBlocks = true;
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 1));

        // when a write is forwarded
        CompletableFuture<Object> answer = gateway.submit(REGISTER, REQUEST);

        // then the follower answers only once its store has caught up with the log
        awaitCatchUp();
        assertThat(answer).isNotDone();
        caughtUp.countDown();
        assertThat(answer.get(10, TimeUnit.SECONDS).toString()).isEqualTo("[1]");
        assertThat(awaited).isEmpty();
    }

    @Test
    void shouldAnswerWhenCatchingUpTimesOut() throws Exception {
        // given a follower of a leader that names no offset, and a store that cannot catch up in time
        leaderNamesOffset = false;
        catchUpTimesOut = true;
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 1));

        // when / then the leader's answer still reaches the client
        assertThat(submit().toString()).isEqualTo("[1]");
        assertThat(catchUps).hasValue(1);
    }

    @Test
    void shouldNotForwardWriteThatWasForwardedAlready() {
        // given a follower that receives a write another node forwarded to it
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 1));
        WriteRequest forwarded =
                new WriteRequest("DELETE", "/subjects/s", Map.of("X-Forward", List.of("true")), new byte[0]);

        // when / then it does not forward it on
        assertThatThrownBy(() -> gateway.submit(REGISTER, forwarded).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_LEADER));
        assertThat(awaited).isEmpty();
    }

    @Test
    void shouldFailWith50004WhenNoMemberMayLead() {
        gateway.onElected(new Election(Optional.empty(), false, 1));

        assertThatThrownBy(this::submit).cause().isInstanceOfSatisfying(RegistryException.class, e -> assertThat(
                        e.errorCode())
                .isEqualTo(ErrorCode.UNKNOWN_LEADER));
    }

    @Test
    void shouldFailWith50004WhenElectionDoesNotFinishInTime() {
        gateway.onRebalanceStarted();

        assertThatThrownBy(this::submit).cause().isInstanceOfSatisfying(RegistryException.class, e -> assertThat(
                        e.errorCode())
                .isEqualTo(ErrorCode.UNKNOWN_LEADER));
    }

    @Test
    void shouldHoldWritesDuringElectionUntilOutcomeIsKnown() throws Exception {
        // given
        gateway.onRebalanceStarted();
        CompletableFuture<Object> pending = gateway.submit(REGISTER, REQUEST);

        // when
        gateway.onElected(new Election(Optional.of(SrIdentity.of("http", "me", 1, true)), true, 2));

        // then
        assertThat(pending.get(10, TimeUnit.SECONDS)).isEqualTo("decided by leader term 1");
    }

    @Test
    void shouldStepDownAndRejoinWhenFenced() throws Exception {
        // given a leader
        gateway.onElected(new Election(Optional.of(SrIdentity.of("http", "me", 1, true)), true, 1));
        assertThat(submit()).isEqualTo("decided by leader term 1");

        // when its log reports that another writer claimed it
        leaders.onFenced.get().run();

        // then it stops deciding, asks for an election, and follows the new leader afterwards
        assertThat(leaders.rejoins).hasValue(1);
        CompletableFuture<Object> held = gateway.submit(REGISTER, REQUEST);
        gateway.onRebalanceStarted();
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 2));
        assertThat(held.get(10, TimeUnit.SECONDS).toString()).isEqualTo("[1]");
        assertThat(leaders.stepDowns.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldTranslateUnreachableLeaderTo50003() {
        // given a leader URL where nobody listens
        leaderServer.stop(0);
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 1));

        assertThatThrownBy(this::submit).cause().isInstanceOfSatisfying(RegistryException.class, e -> assertThat(
                        e.errorCode())
                .isEqualTo(ErrorCode.FORWARDING_ERROR));
    }

    @Test
    void shouldTellTheObserverHowEachForwardedWriteEnded() {
        // given a follower whose forwarded writes are observed
        gateway.close();
        List<WriteObserver.Forwarding> heard = new CopyOnWriteArrayList<>();
        gateway = new LeaderAwareGateway(
                leaders,
                new Forwarder(Duration.ofSeconds(2), Duration.ofSeconds(5), List.of()),
                new RecordingStore(),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                new WriteObserver() {
                    @Override
                    public void forwarded(Forwarding outcome, long nanos) {
                        heard.add(outcome);
                    }
                });
        gateway.onElected(new Election(Optional.of(remoteLeader()), false, 1));

        // when the leader accepts one write, refuses the next, and then cannot be reached
        assertThat(gateway.submit(REGISTER, REQUEST).join().toString()).isEqualTo("[1]");
        leaderStatus = 422;
        assertThatThrownBy(this::submit).cause().isInstanceOf(RegistryException.class);
        leaderServer.stop(0);
        assertThatThrownBy(this::submit).cause().isInstanceOf(RegistryException.class);

        // then
        assertThat(heard)
                .containsExactly(
                        WriteObserver.Forwarding.ACCEPTED,
                        WriteObserver.Forwarding.REFUSED,
                        WriteObserver.Forwarding.FAILED);
    }

    /** Counts terms; each term's gateway answers with its number. */
    private static final class FakeLeaders implements LeaderAwareGateway.Leaders {
        final AtomicInteger terms = new AtomicInteger();
        final AtomicInteger stepDowns = new AtomicInteger();
        final AtomicInteger rejoins = new AtomicInteger();
        final AtomicReference<Runnable> onFenced = new AtomicReference<>();

        @Override
        public CommandGateway lead(Runnable fenced) {
            onFenced.set(fenced);
            int term = terms.incrementAndGet();
            return command -> CompletableFuture.completedFuture("decided by leader term " + term);
        }

        @Override
        public void stepDown() {
            stepDowns.incrementAndGet();
        }

        @Override
        public void requestRejoin() {
            rejoins.incrementAndGet();
        }
    }

    private final class RecordingStore implements LocalStore {
        @Override
        public RegistryView view() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void awaitApplied(long offset, Duration timeout) {
            awaited.add(offset);
        }

        @Override
        public void catchUp(Duration timeout) throws TimeoutException, InterruptedException {
            catchUps.incrementAndGet();
            if (catchUpTimesOut) {
                throw new TimeoutException("Did not catch up within " + timeout);
            }
            if (catchUpBlocks && !caughtUp.await(10, TimeUnit.SECONDS)) {
                throw new TimeoutException("The test never let the store catch up");
            }
        }
    }
}
