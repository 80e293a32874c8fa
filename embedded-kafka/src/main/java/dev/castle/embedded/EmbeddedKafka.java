package dev.castle.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (combined broker and controller) running in this JVM, with its log under a directory that
 * survives restarts. Used when no {@code kafkastore.bootstrap.servers} is configured (DESIGN §9) and by the tests
 * (through test-support).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String saslBootstrapServers;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String saslBootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
    }

    /** Formats {@code dataDir} when it holds no broker yet, starts the broker on a free port and returns once ready. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * As {@link #start(Path)}, with the client listener on {@code port} (0: a free port), so that Kafka's own tools can
     * be pointed at a known address.
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, port, Map.of(), null);
    }

    /**
     * A broker with a second client listener that takes SASL PLAIN (for {@code plainUsers}, name to password),
     * SCRAM-SHA-256 (users added with {@code Admin.alterUserScramCredentials}) and OAUTHBEARER (unsigned tokens, as
     * Kafka's unsecured validator accepts them); for tests of passing callers' credentials to Kafka.
     */
    public static EmbeddedKafka startWithSasl(Path dataDir, Map<String, String> plainUsers) {
        return start(dataDir, 0, plainUsers, null);
    }

    /**
     * A broker with a second client listener that takes SASL over TLS ({@code SASL_SSL}): SCRAM-SHA-256 and
     * SCRAM-SHA-512 (users added with {@code Admin.alterUserScramCredentials} on the plain listener), serving the
     * certificate of {@code keyStore} (PKCS#12, one password for the store and its key).
     */
    public static EmbeddedKafka startWithSaslSsl(Path dataDir, Path keyStore, String password) {
        return start(dataDir, 0, Map.of(), new BrokerTls(keyStore, password));
    }

    /** The key store a SASL_SSL listener serves. */
    private record BrokerTls(Path keyStore, String password) {}

    private static EmbeddedKafka start(Path dataDir, int port, Map<String, String> plainUsers, BrokerTls tls) {
        Path logDir = dataDir.toAbsolutePath().resolve("kafka");
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        int saslPort = plainUsers.isEmpty() && tls == null ? -1 : freePort();
        Properties props = properties(logDir, brokerPort, controllerPort);
        if (tls != null) {
            addSaslSslListener(props, saslPort, tls);
        } else if (saslPort > 0) {
            addSaslListener(props, saslPort, plainUsers);
        }
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNeeded(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka =
                new EmbeddedKafka(server, "127.0.0.1:" + brokerPort, saslPort > 0 ? "127.0.0.1:" + saslPort : null);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Embedded Kafka broker started at {} with data in {}", kafka.bootstrapServers, logDir);
        return kafka;
    }

    /** {@code host:port} of the broker's client listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * {@code host:port} of the SASL_PLAINTEXT listener of a broker started with {@link #startWithSasl}, or of the
     * SASL_SSL listener of one started with {@link #startWithSaslSsl}.
     */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("This broker has no SASL listener");
        }
        return saslBootstrapServers;
    }

    private static void addSaslListener(Properties props, int saslPort, Map<String, String> plainUsers) {
        props.put("listeners", props.getProperty("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
        props.put(
                "advertised.listeners",
                props.getProperty("advertised.listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
        props.put(
                "listener.security.protocol.map",
                props.getProperty("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,OAUTHBEARER");
        StringBuilder users = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        plainUsers.forEach((user, password) -> users.append(" user_")
                .append(user)
                .append("=\"")
                .append(password)
                .append('"'));
        props.put(
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                users.append(';').toString());
        props.put(
                "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put(
                "listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                        + " unsecuredLoginStringClaim_sub=\"broker\";");
    }

    private static void addSaslSslListener(Properties props, int port, BrokerTls tls) {
        props.put("listeners", props.getProperty("listeners") + ",SASL_SSL://127.0.0.1:" + port);
        props.put("advertised.listeners", props.getProperty("advertised.listeners") + ",SASL_SSL://127.0.0.1:" + port);
        props.put(
                "listener.security.protocol.map",
                props.getProperty("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-256,SCRAM-SHA-512");
        props.put(
                "listener.name.sasl_ssl.ssl.keystore.location",
                tls.keyStore().toAbsolutePath().toString());
        props.put("listener.name.sasl_ssl.ssl.keystore.password", tls.password());
        props.put("listener.name.sasl_ssl.ssl.key.password", tls.password());
        props.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        for (String mechanism : new String[] {"scram-sha-256", "scram-sha-512"}) {
            props.put(
                    "listener.name.sasl_ssl." + mechanism + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker at {} stopped", bootstrapServers);
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        return props;
    }

    private static void formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(java.util.List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
            log.info("Formatted a new Kafka log directory {}", logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDir, e);
        }
    }

    private void awaitReady() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The embedded broker did not become ready at " + bootstrapServers, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded broker", e);
        }
    }
}
