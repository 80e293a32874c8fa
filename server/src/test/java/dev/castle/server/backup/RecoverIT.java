package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.server.Castle;
import dev.castle.server.CastleConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoverIT {

    @Test
    void shouldRebuildTheTopicFromALiveNodeSoAFreshNodeAnswersTheSame() {
        String recovered = Registries.topic("recovered");
        Map<String, String> expected;
        try (Castle live = Registries.start(Registries.topic("live"))) {
            RegistryClient registry = new RegistryClient(live.url());
            Registries.fill(registry);
            registry.write(
                    "PUT", "/mode/gone", Registries.JSON.createObjectNode().put("mode", "READWRITE"));
            registry.write(
                    "PUT",
                    "/config/:.other:",
                    Registries.JSON.createObjectNode().put("compatibility", "NONE"));
            expected = Registries.snapshot(registry);
            expected.put(
                    "/config/:.other:",
                    registry.send("GET", "/config/:.other:", null).toString());

            Map<String, String> environment = new HashMap<>();
            Registries.config(recovered)
                    .forEach((key, value) -> environment.put(
                            "SCHEMA_REGISTRY_" + key.toUpperCase().replace('.', '_'), value));
            int status = Tools.run(new String[] {"recover", "--from", live.url()}, environment, System.out, System.err);
            assertThat(status).isZero();
        }

        try (Castle fresh = Registries.start(recovered)) {
            RegistryClient registry = new RegistryClient(fresh.url());
            Map<String, String> actual = Registries.snapshot(registry);
            actual.put(
                    "/config/:.other:",
                    registry.send("GET", "/config/:.other:", null).toString());
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseATopicWithRegistryRecordsUnlessForced() {
        String topic = Registries.topic("recover_busy");
        try (Castle live = Registries.start(topic)) {
            Registries.register(new RegistryClient(live.url()), "s", "\"int\"");
            CastleConfig config = new CastleConfig(Registries.config(topic));

            assertThatThrownBy(() -> Recover.recover(config, live.url(), false)).hasMessageContaining("--force");
        }
    }
}
