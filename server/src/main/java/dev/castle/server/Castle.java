package dev.castle.server;

import dev.castle.command.LeaderExecutor;
import dev.castle.command.LogAppender;
import dev.castle.command.OverlayScratch;
import dev.castle.command.SchemasEventEncoder;
import dev.castle.command.StreamsStore;
import dev.castle.command.WriteObserver;
import dev.castle.command.WriteRoutes;
import dev.castle.command.election.ExecutorLeaders;
import dev.castle.command.election.FencingEventLog;
import dev.castle.command.election.KafkaGroupElector;
import dev.castle.command.election.LeaderAwareGateway;
import dev.castle.command.election.LeaderElector;
import dev.castle.command.election.SrIdentity;
import dev.castle.command.forward.Forwarder;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.decide.Decider;
import dev.castle.domain.decide.Reads;
import dev.castle.query.QueryRoutes;
import dev.castle.query.RequestScope;
import dev.castle.rest.RestProxy;
import dev.castle.server.auth.RegistryAuth;
import dev.castle.server.health.Health;
import dev.castle.server.health.HealthRoutes;
import dev.castle.server.http.HttpServer;
import dev.castle.server.http.Listeners;
import dev.castle.server.http.RootRoutes;
import dev.castle.server.metrics.HttpMetrics;
import dev.castle.server.metrics.NodeMetrics;
import dev.castle.server.metrics.RegistryMetrics;
import dev.castle.server.tls.TlsSettings;
import dev.castle.topology.RegistryStreams;
import io.javalin.config.JavalinConfig;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Castle node: configuration in, a running registry out. Tests start it in-process with
 * {@code Castle.start(Map.of("kafkastore.bootstrap.servers", ..., "listeners", "http://127.0.0.1:0"))}.
 */
public final class Castle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Castle.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final List<AutoCloseable> resources;
    private final HttpServer http;
    /** This node's URL: its identity in the election group, or the REST Proxy's for a proxy-only node. */
    private final String url;

    private final KafkaGroupElector elector;
    private final LeaderAwareGateway gateway;
    /** Kept, since a stopped Javalin no longer knows its port. */
    private final int port;
    /** The REST Proxy's port; -1 when it is switched off. */
    private final int restPort;
    /** Null when the registry side is switched off. */
    private final Health health;

    private Castle(
            List<AutoCloseable> resources,
            HttpServer http,
            String url,
            KafkaGroupElector elector,
            LeaderAwareGateway gateway,
            RestProxy rest,
            Health health) {
        this.resources = resources;
        this.health = health;
        this.restPort = rest == null ? -1 : rest.port();
        this.http = http;
        this.url = url;
        this.elector = elector;
        this.gateway = gateway;
        this.port = http == null ? -1 : http.port();
    }

    /** The URL of the node this node currently takes as leader (itself included); empty while none is known. */
    public Optional<String> leaderUrl() {
        if (gateway == null) {
            return Optional.empty();
        }
        return gateway.leads() ? Optional.of(url()) : gateway.followedLeaderUrl();
    }

    /** Starts a node from Confluent-style configuration keys; returns once it is ready to serve. */
    public static Castle start(Map<String, String> config) {
        return start(new CastleConfig(config));
    }

    /** Starts a node; on failure everything started so far is stopped again. */
    public static Castle start(CastleConfig config) {
        return start(config, KafkaProducer::new);
    }

    /**
     * Starts a node whose leader appends to the log with producers made by {@code logProducers}; tests pass one that
     * can hold a transaction open, to stand for a process paused in the middle of a write.
     */
    static Castle start(CastleConfig config, Function<Map<String, Object>, Producer<byte[], byte[]>> logProducers) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(config, logProducers, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static Castle start(
            CastleConfig config,
            Function<Map<String, Object>, Producer<byte[], byte[]>> logProducers,
            List<AutoCloseable> started) {
        NodeMetrics metrics = new NodeMetrics();
        started.add(metrics);
        if (!config.registryEnabled()) {
            return proxyOnly(config, metrics, started);
        }
        // the key stores are read before anything else starts: a bad one stops the node at once, its key named
        Listeners listeners = Listeners.of(
                CastleConfig.LISTENERS,
                config.get(CastleConfig.LISTENERS).orElse(CastleConfig.LISTENERS_DEFAULT),
                config.tls());
        Optional<Listeners> restListeners =
                config.restEnabled() ? Optional.of(RestProxyStart.listeners(config)) : Optional.empty();
        KafkaConnection kafka = KafkaConnection.open(config, started);
        long foldStart = System.nanoTime();
        RegistryStreams streams = foldTheLog(config, kafka, started);
        double startupSeconds = (System.nanoTime() - foldStart) / 1e9;
        RegistryMetrics registryMetrics = new RegistryMetrics(metrics.registry());
        registryMetrics.bindFold(streams::status);
        Health health = new Health(streams::status, streams::refreshLogEnd, config.healthMaxFoldLag());
        registryMetrics.bindReadiness(health::ready);
        RegistrySettings settings = settings(config);
        ClusterSettings cluster = ClusterSettings.from(config);
        AtomicReference<LeaderElector> elector = new AtomicReference<>();
        LeaderAwareGateway gateway =
                acceptWrites(config, kafka, streams, settings, cluster, logProducers, elector, registryMetrics);
        started.add(gateway);
        registryMetrics.bindLeadership(gateway::leads);
        Reads reads = new Reads(settings);
        AtomicReference<String> selfUrl = new AtomicReference<>();
        HealthRoutes probes = new HealthRoutes(
                health,
                new HealthRoutes.Cluster(
                        () -> gateway.leads() ? Optional.ofNullable(selfUrl.get()) : gateway.followedLeaderUrl(),
                        gateway::leads,
                        cluster.eligible(),
                        registryMetrics::generation,
                        startupSeconds));
        Optional<RegistryAuth> auth = guardTheRegistry(config, registryMetrics, started);
        HttpServer http =
                serveTheApi(config, listeners, kafka, streams, settings, reads, gateway, auth, metrics, probes);
        started.add(http);
        URI advertised = cluster.advertised(http.bound());
        selfUrl.set(advertised.toString());
        KafkaGroupElector member = joinTheElection(kafka, cluster, advertised, registryMetrics.observing(gateway));
        elector.set(member);
        started.add(member);
        RestProxy rest = null;
        if (restListeners.isPresent()) {
            rest = RestProxyStart.start(
                    config,
                    restListeners.get(),
                    kafka.clientConfig(),
                    new LocalSchemaRegistry(streams::view, reads, gateway, config.timeout()),
                    timeRequests(config, metrics, "rest-proxy"));
            started.add(rest);
        }
        health.serving();
        log.info("Castle node ready on {} with log {} as {}", http.bound(), config.topic(), advertised);
        return new Castle(List.copyOf(started), http, advertised.toString(), member, gateway, rest, health);
    }

    /** Starts the global-only topology on the log and waits until it has applied everything the log holds. */
    private static RegistryStreams foldTheLog(CastleConfig config, KafkaConnection kafka, List<AutoCloseable> started) {
        Properties clientProperties = new Properties();
        clientProperties.putAll(kafka.clientConfig());
        RegistryStreams streams = new RegistryStreams(clientProperties, config.topic());
        started.add(streams);
        long start = System.nanoTime();
        streams.start();
        if (!streams.awaitReady(READY_TIMEOUT)) {
            throw new IllegalStateException(
                    "The registry store did not catch up with " + config.topic() + " in " + READY_TIMEOUT);
        }
        log.info(
                "Folded {} up to offset {} in {} ms",
                config.topic(),
                streams.view().appliedOffset(),
                (System.nanoTime() - start) / 1_000_000);
        return streams;
    }

    /**
     * The write path's entry: a gateway that hands commands to this node's executor while it leads and forwards them
     * to the leader while it follows. A fenced leader asks the elector for a new election.
     */
    private static LeaderAwareGateway acceptWrites(
            CastleConfig config,
            KafkaConnection kafka,
            RegistryStreams streams,
            RegistrySettings settings,
            ClusterSettings cluster,
            Function<Map<String, Object>, Producer<byte[], byte[]>> logProducers,
            AtomicReference<LeaderElector> elector,
            WriteObserver observer) {
        ExecutorLeaders leaders = new ExecutorLeaders(
                onFenced -> leader(config, kafka, streams, settings, logProducers, onFenced, observer),
                () -> elector.get().requestRejoin("this node was fenced as leader"));
        return new LeaderAwareGateway(
                leaders,
                new Forwarder(
                        cluster.leaderConnectTimeout(),
                        cluster.leaderReadTimeout(),
                        cluster.forwardedHeaders(),
                        forwardingTls(config)),
                new StreamsStore(streams),
                config.timeout(),
                config.timeout(),
                observer);
    }

    /**
     * The registry's HTTP API: root routes, reads from the local fold, writes through the gateway; and for operators,
     * the health probes and {@code /metrics}, with every request timed.
     */
    private static HttpServer serveTheApi(
            CastleConfig config,
            Listeners listeners,
            KafkaConnection kafka,
            RegistryStreams streams,
            RegistrySettings settings,
            Reads reads,
            LeaderAwareGateway gateway,
            Optional<RegistryAuth> auth,
            NodeMetrics metrics,
            HealthRoutes probes) {
        WriteRoutes writes = new WriteRoutes(
                gateway, command -> reads.registeredAlready(streams.view(), command), () -> streams.view()
                        .appliedOffset());
        List<Consumer<JavalinDefaultRoutingApi>> routeGroups = new ArrayList<>();
        RequestScope scope = RequestScope.WHOLE;
        if (auth.isPresent()) {
            routeGroups.add(auth.get()::addTo);
            scope = auth.get()::narrow;
        }
        QueryRoutes queries =
                new QueryRoutes(streams::view, () -> streams.catchUp(config.timeout()), reads, settings, scope);
        RootRoutes root = new RootRoutes(kafka.clusterId(), config.groupId());
        // the reads first: Javalin tries a method's routes in the order they were added
        routeGroups.addAll(List.of(queries::addTo, root::addTo, writes::addTo, probes::addTo));
        if (config.metricsEnabled()) {
            routeGroups.add(metrics::addTo);
        }
        return HttpServer.start(listeners, routeGroups, timeRequests(config, metrics, "registry"));
    }

    /** With {@code registry.authfile} set, the registry's authentication from it, its reloads counted. */
    private static Optional<RegistryAuth> guardTheRegistry(
            CastleConfig config, RegistryMetrics metrics, List<AutoCloseable> started) {
        if (config.authFile().isEmpty()) {
            return Optional.empty();
        }
        RegistryAuth auth = RegistryAuth.watching(config.authFile().get(), !config.metricsAuthenticate());
        started.add(auth);
        metrics.bindAuthFileReloads(auth.file()::reloadsApplied, auth.file()::reloadsRefused);
        return Optional.of(auth);
    }

    /** Times a listener's requests, unless metrics are switched off. */
    private static Consumer<JavalinConfig> timeRequests(CastleConfig config, NodeMetrics metrics, String listener) {
        return config.metricsEnabled() ? new HttpMetrics(metrics.registry(), listener)::install : javalin -> {};
    }

    /**
     * What a follower trusts when it forwards a write to an https leader: the node's {@code ssl.*} trust store, and its
     * key store for a leader that asks for client certificates (Confluent uses the same settings); without them the
     * JDK's defaults.
     */
    private static SSLContext forwardingTls(CastleConfig config) {
        TlsSettings tls = config.tls();
        return tls.configured() ? tls.sslContext() : null;
    }

    /** Joins the registry's group with Confluent's {@code sr} protocol; the elected leader's gateway starts deciding. */
    private static KafkaGroupElector joinTheElection(
            KafkaConnection kafka, ClusterSettings cluster, URI advertised, LeaderElector.Listener gateway) {
        SrIdentity identity =
                SrIdentity.of(advertised.getScheme(), advertised.getHost(), advertised.getPort(), cluster.eligible());
        KafkaGroupElector member = new KafkaGroupElector(kafka.clientConfig(), cluster.group(), identity);
        member.start(gateway);
        return member;
    }

    /** A node with the registry side switched off: the REST Proxy alone, on the configured or embedded Kafka. */
    private static Castle proxyOnly(CastleConfig config, NodeMetrics metrics, List<AutoCloseable> started) {
        if (!config.restEnabled()) {
            throw new IllegalArgumentException(CastleConfig.REGISTRY_ENABLED + " and " + CastleConfig.REST_ENABLED
                    + " are both false: this node would serve nothing");
        }
        Listeners listeners = RestProxyStart.listeners(config);
        Consumer<JavalinConfig> timing = timeRequests(config, metrics, "rest-proxy");
        RestProxy rest = RestProxyStart.start(
                config, listeners, KafkaConnection.clientConfig(config, started), null, javalin -> {
                    timing.accept(javalin);
                    if (config.metricsEnabled()) {
                        metrics.addTo(javalin.routes);
                    }
                });
        started.add(rest);
        log.info("Castle node ready with the REST Proxy only, on {}", listeners);
        String scheme = listeners.first().getScheme();
        String url = scheme + "://" + config.hostName().orElse("localhost") + ":" + rest.port();
        return new Castle(List.copyOf(started), null, url, null, null, rest, null);
    }

    private static RegistrySettings settings(CastleConfig config) {
        return new RegistrySettings(
                CompatibilityLevel.fromName(config.compatibilityLevel()),
                config.modeMutability(),
                config.searchDefaultLimit(),
                1000,
                config.avroValidateDefaults(),
                config.validateFields());
    }

    /** One term of leadership: an executor on a log that reports being fenced instead of re-claiming itself. */
    private static LeaderExecutor leader(
            CastleConfig config,
            KafkaConnection kafka,
            RegistryStreams streams,
            RegistrySettings settings,
            Function<Map<String, Object>, Producer<byte[], byte[]>> logProducers,
            Runnable onFenced,
            WriteObserver observer) {
        LogAppender appender = new LogAppender(
                kafka.clientConfig(),
                config.topic(),
                config.groupId(),
                new SchemasEventEncoder(),
                config.timeout(),
                logProducers);
        return new LeaderExecutor(
                new Decider(settings)::decide,
                new StreamsStore(streams),
                new FencingEventLog(appender, onFenced),
                OverlayScratch::new,
                config.timeout(),
                observer);
    }

    /** The port the registry's HTTP listener is bound to; -1 when the registry side is switched off. */
    public int port() {
        return port;
    }

    /** The port of the REST Proxy's listener; empty when the proxy is switched off. */
    public java.util.OptionalInt restPort() {
        return restPort < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(restPort);
    }

    /** {@code scheme://host:port} of this node, as the others call it (its REST Proxy's, for a proxy-only node). */
    public String url() {
        return url;
    }

    /** The registry's listeners with the ports they are bound to; empty when the registry side is switched off. */
    public List<URI> listeners() {
        return http == null ? List.of() : http.bound();
    }

    /** This node's group member, for tests that pause it as a stopped process would be. */
    KafkaGroupElector elector() {
        return elector;
    }

    /** Stops as a killed process would look to the group: it does not leave, so the others wait for its session. */
    void crash() {
        if (health != null) {
            health.stopping();
        }
        if (elector != null) {
            elector.abandon();
        }
        closeAll(resources);
    }

    /** Stops the node; it leaves the election group first, so that another node leads at once while this one stops. */
    @Override
    public void close() {
        if (health != null) {
            health.stopping();
        }
        if (elector != null) {
            elector.close();
        }
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Error while stopping {}", resources.get(i).getClass().getSimpleName(), e);
            }
        }
    }
}
