package dev.castle.command.election;

import dev.castle.command.CommandGateway;
import dev.castle.command.LocalStore;
import dev.castle.command.WriteFailures;
import dev.castle.command.WriteObserver;
import dev.castle.command.WriteRequest;
import dev.castle.command.forward.Forwarded;
import dev.castle.command.forward.Forwarder;
import dev.castle.command.forward.ForwardingException;
import dev.castle.domain.Command;
import dev.castle.domain.RegistryException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each write by the node's current role (DESIGN §5): the leader decides it with its own executor, a follower
 * forwards it to the leader and answers once its own store has applied the write (up to the offset a Castle leader
 * reports, or, from a leader that reports none, up to the log's committed end), and with no leader the write fails with
 * 50004. While an election runs, writes wait for its outcome (up to a limit).
 */
public final class LeaderAwareGateway implements CommandGateway, LeaderElector.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderAwareGateway.class);

    private final Leaders leaders;
    private final Forwarder forwarder;
    private final LocalStore store;
    private final Duration electionWait;
    private final Duration applyTimeout;
    private final WriteObserver observer;
    private final ExecutorService transitions = singleThread("castle-leadership");
    private final ExecutorService waits = Executors.newCachedThreadPool(daemon("castle-forward-wait"));
    private final Roles roles = new Roles();

    /**
     * @param leaders makes and stops this node's leader executor
     * @param electionWait how long a write waits for an election to finish before it fails with 50004
     * @param applyTimeout how long a forwarded write waits for this node's store to apply it
     */
    public LeaderAwareGateway(
            Leaders leaders, Forwarder forwarder, LocalStore store, Duration electionWait, Duration applyTimeout) {
        this(leaders, forwarder, store, electionWait, applyTimeout, WriteObserver.NONE);
    }

    /** @param observer hears of each forwarded write, for metrics */
    public LeaderAwareGateway(
            Leaders leaders,
            Forwarder forwarder,
            LocalStore store,
            Duration electionWait,
            Duration applyTimeout,
            WriteObserver observer) {
        this.observer = observer;
        this.leaders = leaders;
        this.forwarder = forwarder;
        this.store = store;
        this.electionWait = electionWait;
        this.applyTimeout = applyTimeout;
    }

    @Override
    public CompletableFuture<Object> submit(Command command) {
        return submit(command, null);
    }

    @Override
    public CompletableFuture<Object> submit(Command command, WriteRequest request) {
        return roles.current(electionWait).handle((role, error) -> role).thenCompose(role -> {
            if (role instanceof Role.Leading leading) {
                return leading.gateway().submit(command);
            } else if (role instanceof Role.Following following && request != null && !forwarded(request)) {
                return forward(command, following.leaderUrl(), request);
            }
            return CompletableFuture.failedFuture(WriteFailures.noLeader(command));
        });
    }

    /** A write another node forwarded is not forwarded again, so that two nodes with stale views cannot loop. */
    private static boolean forwarded(WriteRequest request) {
        return "true".equalsIgnoreCase(request.header("X-Forward"));
    }

    private CompletableFuture<Object> forward(Command command, String leaderUrl, WriteRequest request) {
        long start = System.nanoTime();
        return forwarder
                .forward(leaderUrl, request)
                .handleAsync(
                        (forwarded, error) -> {
                            observer.forwarded(outcome(error), System.nanoTime() - start);
                            if (error != null) {
                                throw translate(command, error);
                            }
                            awaitApplied(forwarded);
                            return forwarded.body();
                        },
                        waits);
    }

    private static WriteObserver.Forwarding outcome(Throwable error) {
        if (error == null) {
            return WriteObserver.Forwarding.ACCEPTED;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RegistryException ? WriteObserver.Forwarding.REFUSED : WriteObserver.Forwarding.FAILED;
    }

    private static RuntimeException translate(Command command, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RegistryException registry) {
            return registry;
        }
        if (cause instanceof ForwardingException) {
            log.warn("Forwarding a write failed: {}", cause.toString());
        }
        return WriteFailures.forwardingFailed(command);
    }

    /**
     * Waits until this node's store holds the forwarded write. A Castle leader names the offset it had applied; any other
     * leader answered after the write reached the log, so catching up with the log's end covers it.
     */
    private void awaitApplied(Forwarded forwarded) {
        try {
            if (forwarded.appliedOffset().isPresent()) {
                store.awaitApplied(forwarded.appliedOffset().getAsLong(), applyTimeout);
            } else {
                store.catchUp(applyTimeout);
            }
        } catch (TimeoutException e) {
            log.warn("Answering a forwarded write before this node applied it: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this node leads right now (not while an election runs). */
    public boolean leads() {
        return roles.settled().orElse(null) instanceof Role.Leading;
    }

    /** The URL of the leader this node follows right now; empty when it leads, there is none, or an election runs. */
    public Optional<String> followedLeaderUrl() {
        return roles.settled().filter(Role.Following.class::isInstance).map(role -> ((Role.Following) role)
                .leaderUrl());
    }

    @Override
    public void onRebalanceStarted() {
        roles.electing();
    }

    @Override
    public void onElected(Election election) {
        long epoch = roles.epoch();
        transitions.execute(() -> transition(election, epoch));
    }

    /** Runs on the transition thread: keeps, starts or stops this node's leader executor. */
    private void transition(Election election, long epoch) {
        if (!roles.isCurrent(epoch)) {
            return;
        }
        if (election.self()) {
            CommandGateway leader = leaders.lead(() -> onFenced(election.generation()));
            roles.set(epoch, leader == null ? new Role.Leaderless() : new Role.Leading(leader));
        } else {
            leaders.stepDown();
            roles.set(
                    epoch,
                    election.leader()
                            .<Role>map(identity -> new Role.Following(identity.url()))
                            .orElse(new Role.Leaderless()));
        }
    }

    /** The log refused this node's write: another node claimed it, so this one must not decide anything more. */
    private void onFenced(int generation) {
        log.warn("This node was fenced as leader of generation {}; stepping down", generation);
        roles.electing();
        transitions.execute(leaders::stepDown);
        leaders.requestRejoin();
    }

    @Override
    public void close() {
        transitions.shutdown();
        try {
            transitions.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leaders.stepDown();
        waits.shutdown();
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** This node's leader side, as the gateway starts and stops it. */
    public interface Leaders {
        /**
         * Starts leading (claims the log, fencing any earlier writer, and waits for the barrier), or keeps the executor
         * already running; returns null if the log could not be claimed.
         *
         * @param onFenced called when the log refuses a write because another node claimed it
         */
        CommandGateway lead(Runnable onFenced);

        /** Stops the executor if one runs; queued writes fail. */
        void stepDown();

        /** Asks the elector for a new election. */
        void requestRejoin();
    }
}
