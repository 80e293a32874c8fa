package dev.castle.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.Metadata;
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

/**
 * A group member written for the tests, independent of Castle's election code: it joins the {@code sr} group with an
 * identity JSON given verbatim (Confluent's or Karapace's shape) and, when it is the Kafka group leader, assigns as
 * Confluent documents it (lowest URL among eligible members; sticky election is not implemented). It keeps the last
 * assignment JSON it received and the member identities it saw each time it assigned. {@link #stickyConfluent} makes
 * it behave like a Confluent 7.7 node with {@code leader.election.sticky=true}: its {@code leader} flag says whether
 * the last assignment named it.
 */
final class SrTestMember implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Member member;
    private final ConsumerNetworkClient client;
    private final Metrics metrics = new Metrics();
    private final AtomicReference<JsonNode> assignment = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger assigned = new java.util.concurrent.atomic.AtomicInteger();
    private final List<List<JsonNode>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    SrTestMember(String group, String identityJson) {
        this(group, identityJson, false);
    }

    /** A Confluent 7.7 member with sticky election on: it sends {@code leader:true} once an assignment named it. */
    static SrTestMember stickyConfluent(String group, String identityJson) {
        return new SrTestMember(group, identityJson, true);
    }

    private SrTestMember(String group, String identityJson, boolean sticky) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ConsumerConfig consumerConfig = new ConsumerConfig(config);
        LogContext logContext = new LogContext("[test sr member] ");
        Metadata metadata = new Metadata(100, 1000, 300_000, logContext, new ClusterResourceListeners());
        metadata.bootstrap(ClientUtils.parseAndValidateAddresses(consumerConfig));
        client = new ConsumerNetworkClient(
                logContext,
                ClientUtils.createNetworkClient(
                        consumerConfig,
                        metrics,
                        "test-sr",
                        logContext,
                        new ApiVersions(),
                        Time.SYSTEM,
                        100,
                        metadata,
                        null,
                        null),
                metadata,
                Time.SYSTEM,
                100,
                30_000,
                Integer.MAX_VALUE);
        GroupRebalanceConfig rebalance = new GroupRebalanceConfig(
                (int) Cluster.SESSION_TIMEOUT.toMillis(), 10_000, 1000, group, Optional.empty(), null, 100, 1000);
        member = new Member(
                rebalance,
                logContext,
                client,
                metrics,
                (ObjectNode) read(identityJson.getBytes(StandardCharsets.UTF_8)),
                sticky,
                assignment,
                assigned,
                seen);
        poller = new Thread(this::poll, "test-sr-member");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            try {
                member.pollOnce();
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            }
        }
    }

    /** The leader URL of the last assignment; empty before one arrived or when it names none. */
    Optional<String> leaderUrl() {
        JsonNode last = assignment.get();
        if (last == null || !last.path("master_identity").isObject()) {
            return Optional.empty();
        }
        JsonNode identity = last.get("master_identity");
        if (!identity.path("master_eligibility").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(url(identity));
    }

    /** How many times this member computed the group's assignment as Kafka group leader. */
    int assignmentsComputed() {
        return assigned.get();
    }

    /** The member identities this member saw each time it computed the assignment, oldest first. */
    List<List<JsonNode>> identitiesSeen() {
        return List.copyOf(seen);
    }

    boolean hasAssignment() {
        return assignment.get() != null;
    }

    private static String url(JsonNode identity) {
        return identity.path("scheme").asText("http") + "://"
                + identity.path("host").asText() + ":" + identity.path("port").asInt();
    }

    @Override
    public void close() {
        running = false;
        client.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        member.leave();
        metrics.close();
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Member extends AbstractCoordinator {
        private final ObjectNode identity;
        private final boolean sticky;
        private final AtomicReference<JsonNode> assignment;
        private final java.util.concurrent.atomic.AtomicInteger assigned;
        private final List<List<JsonNode>> seen;
        private volatile boolean named;

        Member(
                GroupRebalanceConfig config,
                LogContext logContext,
                ConsumerNetworkClient client,
                Metrics metrics,
                ObjectNode identity,
                boolean sticky,
                AtomicReference<JsonNode> assignment,
                java.util.concurrent.atomic.AtomicInteger assigned,
                List<List<JsonNode>> seen) {
            super(config, logContext, client, metrics, "test-sr", Time.SYSTEM);
            this.identity = identity;
            this.sticky = sticky;
            this.assignment = assignment;
            this.assigned = assigned;
            this.seen = seen;
        }

        void pollOnce() {
            if (coordinatorUnknown() && !ensureCoordinatorReady(time.timer(1000))) {
                return;
            }
            if (rejoinNeededOrPending()) {
                ensureActiveGroup();
            }
            long now = time.milliseconds();
            pollHeartbeat(now);
            client.poll(time.timer(Math.min(500, timeToNextHeartbeat(now))));
        }

        void leave() {
            close(time.timer(5000), CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        }

        @Override
        protected String protocolType() {
            return "sr";
        }

        @Override
        protected JoinGroupRequestData.JoinGroupRequestProtocolCollection metadata() {
            JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
                    new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
            protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol()
                    .setName("v0")
                    .setMetadata(metadataJson()));
            return protocols;
        }

        private byte[] metadataJson() {
            ObjectNode sent = identity.deepCopy();
            if (sticky) {
                sent.put("leader", named);
            }
            return sent.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected boolean onJoinPrepare(Timer timer, int generation, String memberId) {
            assignment.set(null);
            return true;
        }

        @Override
        protected Map<String, ByteBuffer> onLeaderElected(
                String leaderId,
                String protocol,
                List<JoinGroupResponseData.JoinGroupResponseMember> members,
                boolean skipAssignment) {
            assigned.incrementAndGet();
            seen.add(members.stream()
                    .map(candidate -> read(candidate.metadata()))
                    .toList());
            String chosenId = null;
            JsonNode chosen = null;
            for (JoinGroupResponseData.JoinGroupResponseMember candidate : members) {
                JsonNode identity = read(candidate.metadata());
                boolean lower = chosen == null || url(identity).compareTo(url(chosen)) < 0;
                if (identity.path("master_eligibility").asBoolean(true) && lower) {
                    chosen = identity;
                    chosenId = candidate.memberId();
                }
            }
            String json = "{\"version\":1,\"error\":0,\"master\":"
                    + (chosenId == null ? "null" : "\"" + chosenId + "\"") + ",\"master_identity\":"
                    + (chosen == null ? "null" : chosen.toString()) + ",\"extra\":true}";
            Map<String, ByteBuffer> assignments = new HashMap<>();
            for (JoinGroupResponseData.JoinGroupResponseMember candidate : members) {
                assignments.put(candidate.memberId(), ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
            }
            return assignments;
        }

        @Override
        protected void onJoinComplete(int generation, String memberId, String protocol, ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            JsonNode received = read(bytes);
            named = memberId.equals(received.path("master").asText(null));
            assignment.set(received);
        }
    }
}
