package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CastleConfigTest {

    @TempDir
    Path dir;

    @Test
    void shouldUseConfluentDefaultsWhenNothingIsSet() {
        // given no file and no environment
        CastleConfig config = CastleConfig.load(Optional.empty(), Map.of());

        // then the defaults are Confluent's
        assertThat(config.listener().toString()).isEqualTo("http://0.0.0.0:8081");
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.groupId()).isEqualTo("schema-registry");
        assertThat(config.topicReplicationFactor()).isEqualTo((short) 3);
        assertThat(config.compatibilityLevel()).isEqualTo("backward");
        assertThat(config.modeMutability()).isTrue();
        assertThat(config.leaderEligibility()).isTrue();
        assertThat(config.bootstrapServers()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("./castle-data"));
        assertThat(config.embeddedKafkaPort()).isZero();
    }

    @Test
    void shouldKeepOpenMetricsAndAllowSomeLagByDefault() {
        CastleConfig unset = CastleConfig.load(Optional.empty(), Map.of());
        CastleConfig set = CastleConfig.load(
                Optional.empty(),
                Map.of(
                        "SCHEMA_REGISTRY_CASTLE_METRICS_ENABLED", "false",
                        "SCHEMA_REGISTRY_CASTLE_METRICS_AUTHENTICATE", "true",
                        "SCHEMA_REGISTRY_CASTLE_HEALTH_MAX_FOLD_LAG", "0"));

        assertThat(unset.metricsEnabled()).isTrue();
        assertThat(unset.metricsAuthenticate()).isFalse();
        assertThat(unset.healthMaxFoldLag()).isEqualTo(1000);
        assertThat(set.metricsEnabled()).isFalse();
        assertThat(set.metricsAuthenticate()).isTrue();
        assertThat(set.healthMaxFoldLag()).isZero();
        assertThatThrownBy(() -> new CastleConfig(Map.of("castle.health.max.fold.lag", "-1")).healthMaxFoldLag())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("castle.health.max.fold.lag");
    }

    @Test
    void shouldValidateAvroDefaultsUnlessConfluents7xSwitchTurnsItOff() {
        CastleConfig unset = CastleConfig.load(Optional.empty(), Map.of());
        CastleConfig off = CastleConfig.load(
                Optional.empty(), Map.of("SCHEMA_REGISTRY_SCHEMA_PROVIDERS_AVRO_VALIDATE_DEFAULTS", "false"));
        CastleConfig on = new CastleConfig(Map.of("schema.providers.avro.validate.defaults", "true"));

        assertThat(unset.avroValidateDefaults()).isTrue();
        assertThat(off.avroValidateDefaults()).isFalse();
        assertThat(on.avroValidateDefaults()).isTrue();
    }

    @Test
    void shouldReadTheEmbeddedBrokerPortFromTheEnvironment() {
        CastleConfig config =
                CastleConfig.load(Optional.empty(), Map.of("SCHEMA_REGISTRY_CASTLE_EMBEDDED_KAFKA_PORT", "19092"));

        assertThat(config.embeddedKafkaPort()).isEqualTo(19092);
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFile() throws Exception {
        // given a file and an environment variable for the same key
        Path file = dir.resolve("castle.properties");
        Files.writeString(file, "kafkastore.bootstrap.servers=file:9092\nkafkastore.topic=_file\n");
        Map<String, String> env = Map.of(
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
                "env:9092",
                "PATH",
                "/usr/bin",
                "SCHEMA_REGISTRY_",
                "x");

        // when loaded
        CastleConfig config = CastleConfig.load(Optional.of(file), env);

        // then the environment wins and the file fills the rest
        assertThat(config.bootstrapServers()).contains("env:9092");
        assertThat(config.topic()).isEqualTo("_file");
        assertThat(config.get("path")).isEmpty();
    }

    @Test
    void shouldTranslateEnvironmentNamesAsConfluentsImageDoes() {
        // when
        Map<String, String> values = CastleConfig.fromEnvironment(Map.of(
                "SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:9000",
                "SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "full"));

        // then
        assertThat(values)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("listeners", "http://0.0.0.0:9000", "schema.compatibility.level", "full"));
    }

    @Test
    void shouldHandOnlyClientKafkastoreKeysToTheKafkaClients() {
        // given
        CastleConfig config = new CastleConfig(Map.of(
                "kafkastore.bootstrap.servers", "b:9092",
                "kafkastore.topic", "_s",
                "kafkastore.timeout.ms", "700",
                "kafkastore.security.protocol", "SASL_SSL",
                "kafkastore.sasl.mechanism", "PLAIN",
                "listeners", "http://x:1"));

        // then
        assertThat(config.kafkaClientConfig())
                .containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void shouldUseTheFirstListenerAndAcceptPortZero() {
        // given
        CastleConfig config = new CastleConfig(Map.of("listeners", "http://127.0.0.1:0, https://0.0.0.0:8443"));

        // then
        assertThat(config.listener().getHost()).isEqualTo("127.0.0.1");
        assertThat(config.listener().getPort()).isZero();
    }

    @Test
    void shouldRejectAListenerWithoutAPort() {
        CastleConfig config = new CastleConfig(Map.of("listeners", "http://localhost"));

        assertThatThrownBy(config::listener).isInstanceOf(IllegalArgumentException.class);
    }
}
