package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.server.Castle;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportIT {

    @Test
    void shouldCopyAnotherCastleKeepingIdsVersionsDeletesConfigsAndModes() {
        try (Castle source = Registries.start(Registries.topic("import_source"));
                Castle target = Registries.start(Registries.topic("import_target"))) {
            RegistryClient from = new RegistryClient(source.url());
            Registries.register(from, "burn-an-id", "\"string\"");
            from.write("DELETE", "/subjects/burn-an-id", null);
            from.write("DELETE", "/subjects/burn-an-id?permanent=true", null);
            Registries.fill(from);
            Map<String, String> expected = Registries.snapshot(from);

            int status = Tools.run(
                    new String[] {"import", "--from", source.url(), "--to", target.url()},
                    Map.of(),
                    System.out,
                    System.err);

            assertThat(status).isZero();
            assertThat(Registries.snapshot(new RegistryClient(target.url()))).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseATargetWithSubjectsUnlessForcedAndPutItsModeBack() {
        try (Castle source = Registries.start(Registries.topic("import_source"));
                Castle target = Registries.start(Registries.topic("import_busy"))) {
            RegistryClient from = new RegistryClient(source.url());
            RegistryClient to = new RegistryClient(target.url());
            Registries.register(from, "burn", "\"long\"");
            from.write("DELETE", "/subjects/burn", null);
            from.write("DELETE", "/subjects/burn?permanent=true", null);
            Registries.register(from, "a", "\"string\"");
            Registries.register(to, "already-here", "\"int\"");

            assertThatThrownBy(() -> Import.copy(source.url(), target.url(), false))
                    .hasMessageContaining("--force");
            assertThat(to.get("/mode").path("mode").asText()).isEqualTo("READWRITE");

            Import.Result result = Import.copy(source.url(), target.url(), true);

            assertThat(result.versions()).isEqualTo(1);
            assertThat(to.get("/subjects").toString()).isEqualTo("[\"a\",\"already-here\"]");
            assertThat(to.get("/mode").path("mode").asText()).isEqualTo("READWRITE");
        }
    }
}
