package dev.castle.server;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarapaceConfigTest {

    @TempDir
    Path dir;

    @Test
    void shouldMapEveryKarapaceKeyThatIsACastleKeyUnderAnotherName() {
        // given every Karapace key that maps one to one
        Map<String, String> karapace = Map.ofEntries(
                entry("bootstrap_uri", "kafka:9092"),
                entry("topic_name", "_karapace"),
                entry("group_id", "karapace-group"),
                entry("master_eligibility", "false"),
                entry("replication_factor", "1"),
                entry("compatibility", "FULL"),
                entry("registry_authfile", "/etc/karapace/auth.json"),
                entry("karapace_rest", "false"),
                entry("security_protocol", "SASL_SSL"),
                entry("sasl_mechanism", "SCRAM-SHA-512"),
                entry("ssl_password", "secret"),
                entry("metadata_max_age_ms", "60000"),
                entry("connections_max_idle_ms", "15000"),
                entry("consumer_request_timeout_ms", "11000"),
                entry("consumer_request_max_bytes", "1024"),
                entry("consumer_enable_auto_commit", "false"),
                entry("fetch_min_bytes", "10"),
                entry("name_strategy", "record_name"),
                entry("name_strategy_validation", "false"),
                entry("producer_acks", "all"),
                entry("producer_compression_type", "gzip"),
                entry("producer_linger_ms", "100"),
                entry("producer_max_request_size", "2097152"),
                entry("http_request_max_size", "4194304"));

        // when translated
        KarapaceConfig.Translation translation = KarapaceConfig.translate(karapace);

        // then each becomes its Castle key with the same value, and nothing is left unused
        assertThat(translation.values())
                .containsOnly(
                        entry("kafkastore.bootstrap.servers", "kafka:9092"),
                        entry("kafkastore.topic", "_karapace"),
                        entry("schema.registry.group.id", "karapace-group"),
                        entry("leader.eligibility", "false"),
                        entry("kafkastore.topic.replication.factor", "1"),
                        entry("schema.compatibility.level", "FULL"),
                        entry("registry.authfile", "/etc/karapace/auth.json"),
                        entry("castle.rest.enabled", "false"),
                        entry("kafkastore.security.protocol", "SASL_SSL"),
                        entry("kafkastore.sasl.mechanism", "SCRAM-SHA-512"),
                        entry("kafkastore.ssl.key.password", "secret"),
                        entry("kafkastore.metadata.max.age.ms", "60000"),
                        entry("kafkastore.connections.max.idle.ms", "15000"),
                        entry("rest.consumer.request.timeout.ms", "11000"),
                        entry("rest.consumer.request.max.bytes", "1024"),
                        entry("rest.consumer.enable.auto.commit", "false"),
                        entry("rest.consumer.fetch.min.bytes", "10"),
                        entry("rest.name.strategy", "record_name"),
                        entry("rest.name.strategy.validation", "false"),
                        entry("rest.producer.acks", "all"),
                        entry("rest.producer.compression.type", "gzip"),
                        entry("rest.producer.linger.ms", "100"),
                        entry("rest.producer.max.request.size", "2097152"),
                        entry("rest.http.request.max.size", "4194304"));
        assertThat(translation.warning()).isEmpty();
    }

    @Test
    void shouldReadKarapacesBooleansAsPydanticDoes() {
        Map<String, String> values = KarapaceConfig.translate(
                        Map.of("karapace_rest", "1", "master_eligibility", "No", "name_strategy_validation", "True"))
                .values();

        assertThat(values)
                .containsOnly(
                        entry("castle.rest.enabled", "true"),
                        entry("leader.eligibility", "false"),
                        entry("rest.name.strategy.validation", "true"));
    }

    @Test
    void shouldTurnKarapaceSecondsIntoCastleMilliseconds() {
        KarapaceConfig.Translation translation = KarapaceConfig.translate(
                Map.of("consumer_idle_disconnect_timeout", "0", "admin_metadata_max_age", "5"));

        assertThat(translation.values())
                .containsOnly(
                        entry("rest.consumer.instance.timeout.ms", "0"),
                        entry("rest.admin.metadata.max.age.ms", "5000"));
    }

    @Test
    void shouldGiveHostAndPortToTheRegistryAndTheRestProxyTheSameHostOn8082() {
        // given Karapace serving both APIs on one listener
        Map<String, String> karapace =
                Map.of("host", "0.0.0.0", "port", "8081", "karapace_registry", "true", "karapace_rest", "true");

        // when translated
        Map<String, String> values = KarapaceConfig.translate(karapace).values();

        // then Castle's two listeners share the host
        assertThat(values)
                .containsEntry("listeners", "http://0.0.0.0:8081")
                .containsEntry("rest.listeners", "http://0.0.0.0:8082")
                .containsEntry("castle.rest.enabled", "true");
    }

    @Test
    void shouldListenOnKarapacesDefaultHostWhenOnlyThePortIsGiven() {
        Map<String, String> values =
                KarapaceConfig.translate(Map.of("port", "18081")).values();

        assertThat(values)
                .containsEntry("listeners", "http://127.0.0.1:18081")
                .containsEntry("rest.listeners", "http://127.0.0.1:8082");
    }

    @Test
    void shouldGiveHostAndPortToTheRestProxyInARestOnlyConfiguration() {
        // given a configuration of Karapace's REST Proxy alone
        Map<String, String> karapace = Map.of(
                "host", "127.0.0.1",
                "port", "8082",
                "karapace_rest", "true",
                "karapace_registry", "false",
                "advertised_hostname", "proxy.example",
                "advertised_port", "443",
                "registry_host", "registry.example",
                "registry_user", "proxy",
                "registry_password", "secret");

        // when translated
        KarapaceConfig.Translation translation = KarapaceConfig.translate(karapace);

        // then the proxy listens there, the registry keeps its own listener, and what cannot apply is named
        assertThat(translation.values())
                .containsEntry("rest.listeners", "http://127.0.0.1:8082")
                .containsEntry("rest.host.name", "proxy.example")
                .containsEntry("castle.registry.enabled", "false")
                .containsEntry("rest.schema.registry.url", "http://registry.example:8081")
                .containsEntry("rest.schema.registry.basic.auth.user.info", "proxy:secret")
                .doesNotContainKeys("listeners", "host.name", "host.port");
        assertThat(translation.unused()).containsOnlyKeys("advertised_port");
    }

    @Test
    void shouldAdvertiseTheRegistryIdentityAndTheRestProxyHost() {
        Map<String, String> values = KarapaceConfig.translate(Map.of(
                        "advertised_hostname", "node1.example",
                        "advertised_port", "18081",
                        "advertised_protocol", "https"))
                .values();

        assertThat(values)
                .containsOnly(
                        entry("host.name", "node1.example"),
                        entry("rest.host.name", "node1.example"),
                        entry("host.port", "18081"),
                        entry("inter.instance.protocol", "https"));
    }

    @Test
    void shouldUseTheSessionTimeoutForTheElectionAndTheRestProxysConsumers() {
        Map<String, String> values =
                KarapaceConfig.translate(Map.of("session_timeout_ms", "6000")).values();

        assertThat(values)
                .containsOnly(
                        entry("kafkagroup.session.timeout.ms", "6000"),
                        entry("rest.consumer.session.timeout.ms", "6000"));
    }

    @Test
    void shouldWriteTheSaslCredentialsAsTheMechanismsJaasLine() {
        // given SCRAM credentials with a quote in the password
        Map<String, String> values = KarapaceConfig.translate(Map.of(
                        "sasl_mechanism", "SCRAM-SHA-256",
                        "sasl_plain_username", "castle",
                        "sasl_plain_password", "pa\"ss"))
                .values();

        // then
        assertThat(values)
                .containsEntry(
                        "kafkastore.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"castle\""
                                + " password=\"pa\\\"ss\";");
        assertThat(KarapaceConfig.translate(Map.of("sasl_plain_username", "u", "sasl_plain_password", "p"))
                        .values())
                .containsEntry(
                        "kafkastore.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
                                + " password=\"p\";");
    }

    @Test
    void shouldGiveTheKafkaClientsKarapacesPemFiles() throws Exception {
        // given Karapace's client TLS files
        Path ca = Files.writeString(dir.resolve("ca.pem"), "CA");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "CERT");
        Path key = Files.writeString(dir.resolve("key.pem"), "KEY");
        Map<String, String> karapace = Map.of(
                "ssl_cafile", ca.toString(),
                "ssl_certfile", cert.toString(),
                "ssl_keyfile", key.toString(),
                "ssl_check_hostname", "false");

        // when translated
        Map<String, String> values = KarapaceConfig.translate(karapace).values();

        // then the trust store is named and the key and chain are given by content, as Kafka's PEM support wants
        assertThat(values)
                .containsOnly(
                        entry("kafkastore.ssl.truststore.type", "PEM"),
                        entry("kafkastore.ssl.truststore.location", ca.toString()),
                        entry("kafkastore.ssl.keystore.type", "PEM"),
                        entry("kafkastore.ssl.keystore.certificate.chain", "CERT"),
                        entry("kafkastore.ssl.keystore.key", "KEY"),
                        entry("kafkastore.ssl.endpoint.identification.algorithm", ""));
    }

    @Test
    void shouldServeBothListenersOverHttpsWithTheServerTlsFilesAsPemKeys() {
        // when
        KarapaceConfig.Translation translation = KarapaceConfig.translate(Map.of(
                "host", "0.0.0.0",
                "port", "8443",
                "server_tls_certfile", "/tls/cert.pem",
                "server_tls_keyfile", "/tls/key.pem",
                "server_tls_cafile", "/tls/ca.pem",
                "server_tls_client_auth", "optional"));

        // then
        assertThat(translation.values())
                .containsEntry("listeners", "https://0.0.0.0:8443")
                .containsEntry("rest.listeners", "https://0.0.0.0:8082")
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.keystore.location", "/tls/cert.pem")
                .containsEntry("ssl.keystore.key.location", "/tls/key.pem")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/tls/ca.pem")
                .containsEntry("ssl.client.authentication", "REQUESTED");
        assertThat(translation.warning()).isEmpty();
    }

    @Test
    void shouldListenOverHttpsOnCastlesPortsWhenOnlyACertificateIsGiven() {
        KarapaceConfig.Translation translation = KarapaceConfig.translate(
                Map.of("server_tls_certfile", "/tls/both.pem", "server_tls_client_auth", "required"));

        assertThat(translation.values())
                .containsEntry("listeners", "https://0.0.0.0:8081")
                .containsEntry("rest.listeners", "https://0.0.0.0:8082")
                .containsEntry("ssl.keystore.location", "/tls/both.pem")
                .containsEntry("ssl.client.authentication", "REQUIRED")
                .doesNotContainKey("ssl.keystore.key.location");
    }

    @Test
    void shouldNameEveryUnusedKeyInOneWarning() {
        // given keys Castle has no use for among ones it maps, and values that ask for what Castle does anyway
        Map<String, String> karapace = Map.of(
                "log_level", "DEBUG",
                "statsd_host", "localhost",
                "tags", "{\"app\":\"Karapace\"}",
                "bootstrap_uri", "kafka:9092",
                "rest_authorization", "false",
                "master_election_strategy", "lowest",
                "karapace_registry", "true");

        // when translated
        KarapaceConfig.Translation translation = KarapaceConfig.translate(karapace);

        // then one warning names exactly the unused keys
        assertThat(translation.unused()).containsOnlyKeys("log_level", "statsd_host", "tags");
        assertThat(translation.warning())
                .contains("Castle does not use these Karapace settings: log_level, statsd_host, tags");
    }

    @Test
    void shouldNameAChoiceCastleDoesNotOffer() {
        KarapaceConfig.Translation translation =
                KarapaceConfig.translate(Map.of("master_election_strategy", "highest", "rest_authorization", "true"));

        assertThat(translation.unused()).containsOnlyKeys("master_election_strategy");
        assertThat(translation.values()).containsEntry("rest.authorization.pass.through", "true");
    }

    @Test
    void shouldTellKarapacesJsonFromAPropertiesFile() throws Exception {
        Path json = Files.writeString(dir.resolve("karapace.config.json"), "\n  {\"port\": 8081}");
        Path properties = Files.writeString(dir.resolve("registry.properties"), "# {not json}\nlisteners=x\n");

        assertThat(KarapaceConfig.isJson(json)).isTrue();
        assertThat(KarapaceConfig.isJson(properties)).isFalse();
    }

    @Test
    void shouldReadEveryJsonValueAsTextAndNullAsUnset() throws Exception {
        Path json = Files.writeString(
                dir.resolve("karapace.config.json"),
                "{\"port\": 8081, \"karapace_rest\": true, \"host\": \"127.0.0.1\", \"ssl_cafile\": null,"
                        + " \"tags\": {\"app\": \"Karapace\"}}");

        assertThat(KarapaceConfig.read(json))
                .containsOnly(
                        entry("port", "8081"),
                        entry("karapace_rest", "true"),
                        entry("host", "127.0.0.1"),
                        entry("tags", "{\"app\":\"Karapace\"}"));
    }

    @Test
    void shouldReadKarapacesEnvironmentVariables() {
        Map<String, String> environment = Map.of(
                "KARAPACE_BOOTSTRAP_URI", "kafka:9092",
                "KARAPACE_KARAPACE_REST", "true",
                "KARAPACE_REGISTRY", "true",
                "KARAPACE_REST_BASE_URI", "http://proxy",
                "KARAPACE_LOG_LEVEL", "",
                "PATH", "/usr/bin");

        assertThat(KarapaceConfig.fromEnvironment(environment))
                .containsOnly(
                        entry("bootstrap_uri", "kafka:9092"),
                        entry("karapace_rest", "true"),
                        entry("karapace_registry", "true"),
                        entry("rest_base_uri", "http://proxy"));
    }

    @Test
    void shouldLetKarapacesVariablesBeatItsFileAndCastlesOwnVariablesBeatBoth() throws Exception {
        // given a Karapace file, Karapace variables and Castle variables naming overlapping settings
        Path json = Files.writeString(
                dir.resolve("karapace.config.json"),
                "{\"bootstrap_uri\": \"file:9092\", \"topic_name\": \"_file\", \"group_id\": \"file-group\"}");
        Map<String, String> environment = new HashMap<>();
        environment.put("KARAPACE_TOPIC_NAME", "_karapace_env");
        environment.put("KARAPACE_GROUP_ID", "karapace-env-group");
        environment.put("SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID", "castle-env-group");

        // when Castle's configuration is loaded from them
        CastleConfig config = CastleConfig.load(Optional.of(json), environment);

        // then
        assertThat(config.bootstrapServers()).contains("file:9092");
        assertThat(config.topic()).isEqualTo("_karapace_env");
        assertThat(config.groupId()).isEqualTo("castle-env-group");
    }

    @Test
    void shouldLetAPropertiesFileBeatKarapacesVariables() throws Exception {
        Path properties = Files.writeString(dir.resolve("registry.properties"), "kafkastore.topic=_properties\n");

        CastleConfig config = CastleConfig.load(
                Optional.of(properties), Map.of("KARAPACE_TOPIC_NAME", "_karapace_env", "KARAPACE_PORT", "18081"));

        assertThat(config.topic()).isEqualTo("_properties");
        assertThat(config.listener().toString()).isEqualTo("http://127.0.0.1:18081");
    }
}
