package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPlaceReferencedVersionsFirstAndTheRestByIdDependenciesAside() throws Exception {
        SourceRegistry.Version top = version("top", 1, 1, "[{\"name\":\"m\",\"subject\":\"mid\",\"version\":2}]");
        SourceRegistry.Version mid = version("mid", 2, 5, "[{\"name\":\"b\",\"subject\":\"base\",\"version\":1}]");
        SourceRegistry.Version base = version("base", 1, 9, "[]");
        SourceRegistry.Version other = version("other", 1, 3, "[]");
        SourceRegistry.Version cyclic =
                version("cyclic", 1, 7, "[{\"name\":\"c\",\"subject\":\"cyclic\",\"version\":1}]");

        List<SourceRegistry.Version> ordered = Import.inDependencyOrder(List.of(top, mid, base, other, cyclic));

        assertThat(ordered).containsExactly(base, mid, top, other, cyclic);
    }

    @Test
    void shouldTurnAConfigAnswerIntoAConfigRequest() throws Exception {
        JsonNode answer = JSON.readTree("{\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"alias\":null}");

        assertThat(Import.configBody(answer).toString()).isEqualTo("{\"compatibility\":\"FULL\",\"normalize\":true}");
    }

    private static SourceRegistry.Version version(String subject, int version, int id, String references)
            throws Exception {
        JsonNode body = JSON.readTree("{\"subject\":\"" + subject + "\",\"version\":" + version + ",\"id\":" + id
                + ",\"schema\":\"\\\"int\\\"\",\"references\":" + references + "}");
        return new SourceRegistry.Version(subject, version, id, body, false);
    }
}
