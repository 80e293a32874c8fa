package dev.castle.server.metrics;

import dev.castle.command.WriteObserver;
import dev.castle.command.election.Election;
import dev.castle.command.election.LeaderElector;
import dev.castle.topology.FoldStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The registry's own meters: the fold of {@code _schemas} (applied offset, the log's end, lag, skipped records),
 * leadership (whether this node leads, elections by outcome, the group generation), the write path (the leader's
 * batch sizes and transaction latency, writes forwarded to the leader) and the authfile's reloads. Figures the node keeps anyway are read when
 * scraped; events are counted as the write path reports them.
 */
public final class RegistryMetrics implements WriteObserver {
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    /** The request histogram's buckets: one set of latency buckets for every timer of the node. */
    private static final Duration[] LATENCY_BUCKETS = HttpMetrics.BUCKETS;

    private final MeterRegistry registry;
    private final DistributionSummary batchCommands;
    private final Timer committed;
    private final Timer failed;
    private final Map<Forwarding, Timer> forwarded = new EnumMap<>(Forwarding.class);
    private final AtomicInteger generation = new AtomicInteger(-1);
    private final Counter electedLeader;
    private final Counter electedFollower;
    private final Counter electedNone;
    /** Held here: the registry keeps only a weak reference to what a function counter reads. */
    private Supplier<FoldStatus> fold;

    private LongSupplier authFileApplied;
    private LongSupplier authFileRefused;

    public RegistryMetrics(MeterRegistry registry) {
        this.registry = registry;
        batchCommands = DistributionSummary.builder("castle.write.batch.commands")
                .description("Commands the leader decided together, in one batch")
                .serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry);
        committed = commitTimer("committed");
        failed = commitTimer("failed");
        for (Forwarding outcome : Forwarding.values()) {
            forwarded.put(
                    outcome,
                    Timer.builder("castle.write.forwarded")
                            .description("Writes this node forwarded to the leader, by outcome")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .serviceLevelObjectives(LATENCY_BUCKETS)
                            .register(registry));
        }
        electedLeader = electionCounter("leader");
        electedFollower = electionCounter("follower");
        electedNone = electionCounter("leaderless");
        Gauge.builder("castle.leader.generation", generation, AtomicInteger::get)
                .description("The election group's generation this node last heard of; -1 before any")
                .register(registry);
    }

    private Timer commitTimer(String outcome) {
        return Timer.builder("castle.write.commit")
                .description("The leader's Kafka transactions, one per batch, from begin to commit, by outcome")
                .tag("outcome", outcome)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    private Counter electionCounter(String outcome) {
        return Counter.builder("castle.leader.elections")
                .description("Election outcomes this node heard, by its role in them: leader, follower or leaderless")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Reads the fold's figures when scraped. */
    public void bindFold(Supplier<FoldStatus> fold) {
        this.fold = fold;
        Gauge.builder("castle.fold.applied.offset", () -> fold.get().appliedOffset())
                .description("Offset of the last _schemas record this node's store applied; -1 before any")
                .register(registry);
        Gauge.builder("castle.fold.log.end.offset", () -> fold.get().logEnd())
                .description("End offset of _schemas (read_committed) as this node last saw it; -1 before known")
                .register(registry);
        Gauge.builder("castle.fold.lag.records", () -> fold.get().lag())
                .description("Records of _schemas this node's store has yet to apply, as far as it knows the log's end")
                .register(registry);
        FunctionCounter.builder("castle.fold.skipped.records", fold, status -> status.get()
                        .skipped())
                .description("_schemas records the fold skipped as undecodable or contradictory")
                .register(registry);
    }

    /** Reads how many new versions of the authfile came into force and how many were refused, when scraped. */
    public void bindAuthFileReloads(LongSupplier applied, LongSupplier refused) {
        this.authFileApplied = applied;
        this.authFileRefused = refused;
        authFileReloads("applied", applied);
        authFileReloads("refused", refused);
    }

    private void authFileReloads(String result, LongSupplier count) {
        FunctionCounter.builder("castle.authfile.reloads", count, LongSupplier::getAsLong)
                .description("New versions of the authfile read: applied, or refused as invalid (old rules kept)")
                .tag("result", result)
                .register(registry);
    }

    /** Reads whether this node leads (1) or not (0) when scraped. */
    public void bindLeadership(BooleanSupplier leads) {
        Gauge.builder("castle.leader", () -> leads.getAsBoolean() ? 1 : 0)
                .description("1 while this node leads and decides writes, else 0")
                .register(registry);
    }

    /** Whether this node is ready, read when scraped: 1 or 0. */
    public void bindReadiness(BooleanSupplier ready) {
        Gauge.builder("castle.ready", () -> ready.getAsBoolean() ? 1 : 0)
                .description("1 while this node is ready to serve (GET /health/ready answers 200), else 0")
                .register(registry);
    }

    /** The listener, counting each election outcome on its way. */
    public LeaderElector.Listener observing(LeaderElector.Listener listener) {
        return new LeaderElector.Listener() {
            @Override
            public void onRebalanceStarted() {
                listener.onRebalanceStarted();
            }

            @Override
            public void onElected(Election election) {
                generation.set(election.generation());
                if (election.self()) {
                    electedLeader.increment();
                } else if (election.leader().isPresent()) {
                    electedFollower.increment();
                } else {
                    electedNone.increment();
                }
                listener.onElected(election);
            }
        };
    }

    /** The generation of the last election this node heard of; -1 before any. */
    public int generation() {
        return generation.get();
    }

    @Override
    public void batchDecided(int commands, int events) {
        batchCommands.record(commands);
    }

    @Override
    public void batchAppended(int events, long nanos, boolean committed) {
        (committed ? this.committed : failed).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void forwarded(Forwarding outcome, long nanos) {
        forwarded.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
}
