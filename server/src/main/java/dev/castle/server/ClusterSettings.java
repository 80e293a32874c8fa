package dev.castle.server;

import dev.castle.command.election.KafkaGroupElector;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a node takes part in its registry cluster (spec §6): its identity in the election group, the group's timeouts and
 * how followers reach the leader. Read from Confluent's keys.
 */
record ClusterSettings(
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> scheme,
        boolean eligible,
        KafkaGroupElector.Settings group,
        Duration leaderConnectTimeout,
        Duration leaderReadTimeout,
        List<String> forwardedHeaders) {

    /** The port other nodes call this node on, when it differs from the listener's (for example behind NAT). */
    static final String HOST_PORT = "host.port";

    /**
     * {@code http} or {@code https}: the scheme other nodes use to call this node, and so which listener goes into its
     * identity (see {@link #interInstanceListener}).
     */
    static final String INTER_INSTANCE_PROTOCOL = "inter.instance.protocol";

    /** How long the group waits for a silent member before electing without it (default 10 s). */
    static final String SESSION_TIMEOUT_MS = "kafkagroup.session.timeout.ms";

    /**
     * How often a member tells the group it is alive (default 1 s; Confluent: 3 s). Members hear of a rebalance on their
     * next heartbeat, so this bounds how soon a leader that left is replaced.
     */
    static final String HEARTBEAT_INTERVAL_MS = "kafkagroup.heartbeat.interval.ms";

    /** How long a rebalance waits for members to rejoin (default 5 min). */
    static final String REBALANCE_TIMEOUT_MS = "kafkagroup.rebalance.timeout.ms";

    /**
     * Whether a leader keeps the role through rebalances instead of yielding to an eligible member with a smaller URL
     * (Confluent 7.7+, default false). A cluster-wide setting: every member that may compute the assignment must agree.
     */
    static final String LEADER_ELECTION_STICKY = "leader.election.sticky";

    /** Connect timeout of a follower forwarding a write to the leader (default 60 s). */
    static final String LEADER_CONNECT_TIMEOUT_MS = "leader.connect.timeout.ms";

    /** Read timeout of a follower forwarding a write to the leader (default 60 s). */
    static final String LEADER_READ_TIMEOUT_MS = "leader.read.timeout.ms";

    /** Comma-separated header names forwarded to the leader besides Confluent's fixed list. */
    static final String INTER_INSTANCE_HEADERS_WHITELIST = "inter.instance.headers.whitelist";

    static ClusterSettings from(CastleConfig config) {
        KafkaGroupElector.Settings group = new KafkaGroupElector.Settings(
                config.groupId(),
                millis(config, SESSION_TIMEOUT_MS, 10_000),
                millis(config, HEARTBEAT_INTERVAL_MS, 1_000),
                millis(config, REBALANCE_TIMEOUT_MS, 300_000),
                Boolean.parseBoolean(config.get(LEADER_ELECTION_STICKY).orElse("false")));
        return new ClusterSettings(
                config.hostName(),
                config.get(HOST_PORT).map(Integer::parseInt),
                config.get(INTER_INSTANCE_PROTOCOL),
                config.leaderEligibility(),
                group,
                millis(config, LEADER_CONNECT_TIMEOUT_MS, 60_000),
                millis(config, LEADER_READ_TIMEOUT_MS, 60_000),
                config.get(INTER_INSTANCE_HEADERS_WHITELIST)
                        .map(names -> Arrays.stream(names.split(","))
                                .map(String::trim)
                                .filter(name -> !name.isEmpty())
                                .toList())
                        .orElse(List.of()));
    }

    /**
     * The scheme, host and port this node advertises, given its listeners with the ports they are bound to: those of
     * the {@link #interInstanceListener inter-instance listener}, {@code host.name} and {@code host.port} replacing
     * them when set.
     */
    URI advertised(List<URI> boundListeners) {
        URI listener = interInstanceListener(boundListeners);
        String advertisedHost = host.orElse(advertisable(listener.getHost()));
        return URI.create(
                scheme.orElse(listener.getScheme()) + "://" + advertisedHost + ":" + port.orElse(listener.getPort()));
    }

    /**
     * The listener other nodes call: the first whose scheme is {@code inter.instance.protocol}, or unset, the first http
     * listener (Confluent's default protocol is http), else the first listener. A protocol no listener has (TLS ended by
     * a proxy in front of the node, Karapace's {@code advertised_protocol}) keeps the first listener and advertises
     * that scheme.
     */
    URI interInstanceListener(List<URI> boundListeners) {
        String wanted = scheme.orElse("http");
        return boundListeners.stream()
                .filter(listener -> listener.getScheme().equalsIgnoreCase(wanted))
                .findFirst()
                .orElse(boundListeners.get(0));
    }

    /** A wildcard bind address is not a host anyone can call back; name this machine instead, as Confluent does. */
    private static String advertisable(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::") && !bindHost.equals("[::]")) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static Duration millis(CastleConfig config, String key, long defaultMillis) {
        return Duration.ofMillis(config.get(key).map(Long::parseLong).orElse(defaultMillis));
    }
}
