package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void shouldUseConfluentDefaultsButAOneSecondHeartbeat() {
        // given
        ClusterSettings settings = ClusterSettings.from(CastleConfig.load(Optional.empty(), Map.of()));

        // then
        assertThat(settings.eligible()).isTrue();
        assertThat(settings.group().groupId()).isEqualTo("schema-registry");
        assertThat(settings.group().sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.group().heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.group().rebalanceTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.group().sticky()).isFalse();
        assertThat(settings.leaderReadTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.forwardedHeaders()).isEmpty();
    }

    @Test
    void shouldReadClusterKeysFromEnvironment() {
        // given
        Map<String, String> environment = Map.of(
                "SCHEMA_REGISTRY_MASTER_ELIGIBILITY", "false",
                "SCHEMA_REGISTRY_KAFKAGROUP_SESSION_TIMEOUT_MS", "6000",
                "SCHEMA_REGISTRY_LEADER_ELECTION_STICKY", "true",
                "SCHEMA_REGISTRY_INTER_INSTANCE_HEADERS_WHITELIST", "X-Tenant, X-Trace");

        // when
        ClusterSettings settings = ClusterSettings.from(CastleConfig.load(Optional.empty(), environment));

        // then
        assertThat(settings.eligible()).isFalse();
        assertThat(settings.group().sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(settings.group().sticky()).isTrue();
        assertThat(settings.forwardedHeaders()).isEqualTo(List.of("X-Tenant", "X-Trace"));
    }

    @Test
    void shouldAdvertiseConfiguredHostPortAndScheme() {
        // given
        ClusterSettings settings = ClusterSettings.from(new CastleConfig(
                Map.of("host.name", "sr1.example", "host.port", "443", "inter.instance.protocol", "https")));

        // when
        URI advertised = settings.advertised(List.of(URI.create("http://0.0.0.0:8081")));

        // then
        assertThat(advertised.toString()).isEqualTo("https://sr1.example:443");
    }

    @Test
    void shouldAdvertiseBoundPortOfListener() {
        ClusterSettings settings = ClusterSettings.from(new CastleConfig(Map.of()));

        URI advertised = settings.advertised(List.of(URI.create("http://127.0.0.1:41234")));

        assertThat(advertised.toString()).isEqualTo("http://127.0.0.1:41234");
    }

    @Test
    void shouldAdvertiseTheListenerOfTheInterInstanceProtocol() {
        // given an http and an https listener
        List<URI> bound = List.of(URI.create("https://127.0.0.1:8443"), URI.create("http://127.0.0.1:8081"));

        // when the protocol is unset, https, or one no listener has
        URI byDefault = ClusterSettings.from(new CastleConfig(Map.of())).advertised(bound);
        URI https = ClusterSettings.from(new CastleConfig(Map.of("inter.instance.protocol", "https")))
                .advertised(bound);
        URI onlyHttps = ClusterSettings.from(new CastleConfig(Map.of())).advertised(bound.subList(0, 1));

        // then http is Confluent's default, https picks the https listener, and a single listener is used as it is
        assertThat(byDefault.toString()).isEqualTo("http://127.0.0.1:8081");
        assertThat(https.toString()).isEqualTo("https://127.0.0.1:8443");
        assertThat(onlyHttps.toString()).isEqualTo("https://127.0.0.1:8443");
    }
}
