package dev.castle.command.election;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.internals.AbstractCoordinator;
import org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Timer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LeaderElector} on Kafka's classic group membership, speaking the {@code sr} protocol so that Castle,
 * Confluent and Karapace nodes can share one group. It is the only class that uses the Kafka client's internal
 * {@link AbstractCoordinator} (see docs/adr/0003-leader-election-on-kafka-group-internals.md): one thread polls the
 * coordinator, the coordinator's own thread heartbeats.
 */
public final class KafkaGroupElector implements LeaderElector {
    private static final Logger log = LoggerFactory.getLogger(KafkaGroupElector.class);
    private static final String METRIC_GROUP = "castle-sr";

    /**
     * The group settings: Confluent's {@code kafkagroup.*} keys.
     *
     * @param sticky {@code leader.election.sticky}: a member that leads keeps the role through rebalances
     */
    public record Settings(
            String groupId,
            Duration sessionTimeout,
            Duration heartbeatInterval,
            Duration rebalanceTimeout,
            boolean sticky) {}

    private final SrIdentity identity;
    private final Settings settings;
    private final Map<String, Object> clientConfig;
    private Metrics metrics;
    private ConsumerNetworkClient client;
    private Coordinator coordinator;
    private MemberLoop loop;
    private Thread thread;
    private boolean running;

    /**
     * @param clientConfig bootstrap servers and security settings of the node's Kafka clients
     */
    public KafkaGroupElector(Map<String, Object> clientConfig, Settings settings, SrIdentity identity) {
        this.clientConfig = clientConfig;
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    public synchronized void start(Listener listener) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "castle-sr-" + identity.url());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ConsumerConfig consumerConfig = new ConsumerConfig(config);
        LogContext logContext = new LogContext("[sr member " + identity.url() + "] ");
        Time time = Time.SYSTEM;
        metrics = new Metrics(time);
        long backoff = consumerConfig.getLong(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG);
        long backoffMax = consumerConfig.getLong(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG);
        Metadata metadata = new Metadata(
                backoff,
                backoffMax,
                consumerConfig.getLong(ConsumerConfig.METADATA_MAX_AGE_CONFIG),
                logContext,
                new ClusterResourceListeners());
        metadata.bootstrap(ClientUtils.parseAndValidateAddresses(consumerConfig));
        NetworkClient network = ClientUtils.createNetworkClient(
                consumerConfig, metrics, METRIC_GROUP, logContext, new ApiVersions(), time, 100, metadata, null, null);
        int requestTimeout = consumerConfig.getInt(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        client = new ConsumerNetworkClient(
                logContext, network, metadata, time, backoff, requestTimeout, Integer.MAX_VALUE);
        GroupRebalanceConfig group = new GroupRebalanceConfig(
                (int) settings.sessionTimeout().toMillis(),
                (int) settings.rebalanceTimeout().toMillis(),
                (int) settings.heartbeatInterval().toMillis(),
                settings.groupId(),
                Optional.empty(),
                null,
                backoff,
                backoffMax);
        coordinator = new Coordinator(group, logContext, client, metrics, time, listener);
        loop = new MemberLoop(
                identity.url(),
                () -> coordinator.pollOnce(settings.heartbeatInterval().toMillis()),
                () -> afterFailedRound(listener),
                new MemberLoop.Backoff(Duration.ofMillis(backoff), Duration.ofMillis(Math.max(backoff, backoffMax))));
        running = true;
        thread = new Thread(loop, "castle-sr-member");
        thread.setDaemon(true);
        thread.start();
        log.info(
                "Joining group {} as {} (eligible: {}, sticky: {})",
                settings.groupId(),
                identity.url(),
                identity.eligible(),
                settings.sticky());
    }

    /**
     * A round failed somewhere in the coordinator or a callback: whatever this node heard last may be stale, so it holds
     * no leadership, and it asks for a new election whose outcome will tell the listener again.
     */
    private void afterFailedRound(Listener listener) {
        listener.onRebalanceStarted();
        coordinator.requestRejoin("the previous poll of the group member failed");
    }

    /** Asks for a new election; a node that asks gives up its claim to keep the role under sticky election. */
    @Override
    public void requestRejoin(String reason) {
        Coordinator current = coordinator;
        if (current != null) {
            current.leading = false;
            current.requestRejoin(reason);
            client.wakeup();
        }
    }

    /**
     * Stands in for a stopped process in tests: the member stops polling and heartbeating, so the group expels it once
     * its session times out, while this node still believes what it last heard.
     */
    public void pause() {
        loop.pause();
        coordinator.disableHeartbeats();
    }

    /** Ends a {@link #pause()}: the member polls again and finds out it has to rejoin. */
    public void resume() {
        loop.resume();
    }

    /** Stops as a crashed process would: without leaving the group, so the others wait for the session to expire. */
    public void abandon() {
        stop(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP, Duration.ZERO);
    }

    /**
     * Stops deciding writes, then leaves the group at once, so that the others elect a new leader on their next
     * heartbeat instead of waiting for this member's session to expire.
     */
    @Override
    public void close() {
        stop(CloseOptions.GroupMembershipOperation.LEAVE_GROUP, Duration.ofSeconds(5));
    }

    private synchronized void stop(CloseOptions.GroupMembershipOperation operation, Duration timeout) {
        if (!running) {
            return;
        }
        running = false;
        loop.stop();
        client.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (operation == CloseOptions.GroupMembershipOperation.LEAVE_GROUP) {
            // the member thread has ended, so this is the only caller of the listener now
            coordinator.listener.onRebalanceStarted();
        }
        coordinator.stop(timeout, operation);
        Utils.closeQuietly(metrics, "metrics");
        Utils.closeQuietly(client, "network client");
        log.info("Left group {} as {}", settings.groupId(), identity.url());
    }

    /** The {@code sr} protocol on the group coordinator's callbacks. */
    private final class Coordinator extends AbstractCoordinator {
        private final Listener listener;
        /** Whether the last election named this node; sent as the {@code leader} flag when sticky election is on. */
        private volatile boolean leading;

        Coordinator(
                GroupRebalanceConfig config,
                LogContext logContext,
                ConsumerNetworkClient client,
                Metrics metrics,
                Time time,
                Listener listener) {
            super(config, logContext, client, metrics, METRIC_GROUP, time);
            this.listener = listener;
        }

        /** One round of group work: find the coordinator, (re)join if needed, heartbeat, and wait for network I/O. */
        void pollOnce(long maxWaitMs) {
            if (coordinatorUnknown() && !ensureCoordinatorReady(time.timer(maxWaitMs))) {
                return;
            }
            if (rejoinNeededOrPending()) {
                ensureActiveGroup();
            }
            long now = time.milliseconds();
            pollHeartbeat(now);
            client.poll(time.timer(Math.min(maxWaitMs, timeToNextHeartbeat(now))));
        }

        void disableHeartbeats() {
            if (heartbeatThread() != null) {
                heartbeatThread().disable();
            }
        }

        void stop(Duration timeout, CloseOptions.GroupMembershipOperation operation) {
            close(time.timer(timeout.toMillis()), operation);
        }

        @Override
        protected String protocolType() {
            return SrProtocol.PROTOCOL_TYPE;
        }

        @Override
        protected JoinGroupRequestData.JoinGroupRequestProtocolCollection metadata() {
            JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
                    new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
            protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol()
                    .setName(SrProtocol.PROTOCOL_NAME)
                    .setMetadata(SrProtocol.identityJson(identity.withLeader(settings.sticky() && leading))));
            return protocols;
        }

        @Override
        protected boolean onJoinPrepare(Timer timer, int generation, String memberId) {
            log.info(
                    "Rebalance of group {} started; {} holds no leadership until it ends",
                    settings.groupId(),
                    identity.url());
            listener.onRebalanceStarted();
            return true;
        }

        @Override
        protected Map<String, ByteBuffer> onLeaderElected(
                String leaderId,
                String protocol,
                List<JoinGroupResponseData.JoinGroupResponseMember> members,
                boolean skipAssignment) {
            Map<String, SrIdentity> identities = new LinkedHashMap<>();
            for (JoinGroupResponseData.JoinGroupResponseMember member : members) {
                try {
                    identities.put(member.memberId(), SrProtocol.parseIdentity(member.metadata()));
                } catch (IllegalArgumentException e) {
                    log.warn(
                            "Member {} of group {} sent no valid sr identity; it cannot lead",
                            member.memberId(),
                            settings.groupId(),
                            e);
                }
            }
            SrAssignment assignment = SrProtocol.assign(identities, settings.sticky());
            if (assignment.error() == SrAssignment.DUPLICATE_URLS) {
                log.error(
                        "Members of group {} advertise duplicate URLs, so none leads: {}",
                        settings.groupId(),
                        identities.values());
            }
            ByteBuffer json = ByteBuffer.wrap(SrProtocol.assignmentJson(assignment));
            Map<String, ByteBuffer> assignments = new HashMap<>();
            identities.keySet().forEach(memberId -> assignments.put(memberId, json.duplicate()));
            members.forEach(member -> assignments.putIfAbsent(member.memberId(), json.duplicate()));
            return assignments;
        }

        @Override
        protected void onJoinComplete(int generation, String memberId, String protocol, ByteBuffer assignmentBuffer) {
            byte[] bytes = new byte[assignmentBuffer.remaining()];
            assignmentBuffer.get(bytes);
            SrAssignment assignment = SrProtocol.parseAssignment(bytes);
            Election election = Election.of(assignment, memberId, generation);
            leading = election.self();
            log.info(
                    "Group {} generation {}: leader {}{}",
                    settings.groupId(),
                    generation,
                    election.leader().map(SrIdentity::url).orElse("none"),
                    election.self() ? " (this node)" : "");
            listener.onElected(election);
        }
    }
}
