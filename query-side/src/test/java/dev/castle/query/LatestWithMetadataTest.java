package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /subjects/{s}/metadata} (spec §2.3, 7.4+): the latest version whose metadata properties hold every asked
 * key/value pair, as the Confluent clients' {@code getLatestWithMetadata} and {@code use.latest.with.metadata} ask.
 */
class LatestWithMetadataTest {
    private static final FoldedView VIEW = new FoldedView()
            .add(version("s", 1, 1, "{\"properties\":{\"owner\":\"a\",\"app\":\"x\"}}", false))
            .add(version("s", 2, 2, "{\"properties\":{\"owner\":\"b\",\"app\":\"x\"}}", false))
            .add(version("s", 3, 3, null, false))
            .add(version("s", 4, 4, "{\"properties\":{\"owner\":\"c\"}}", true))
            .add(version("other", 1, 5, "{\"tags\":{\"f\":[\"PII\"]}}", false));
    private static RoutesHarness routes;

    private static SchemaVersion version(String subject, int version, int id, String metadata, boolean deleted) {
        return new SchemaVersion(
                subject, version, id, SchemaType.AVRO, "\"string\"", List.of(), metadata, null, deleted);
    }

    @BeforeAll
    static void start() {
        routes = RoutesHarness.start(VIEW);
    }

    @AfterAll
    static void stop() {
        routes.close();
    }

    private static String get(String path) throws IOException, InterruptedException {
        return routes.get(path);
    }

    @Test
    void shouldAnswerLatestVersionHoldingEveryPair() throws Exception {
        // given versions 1 and 2 share app=x; when asked for app=x, then the newer one answers
        assertThat(get("/subjects/s/metadata?key=app&value=x"))
                .startsWith("200 {\"subject\":\"s\",\"version\":2,\"id\":2,")
                .contains("\"metadata\":{\"properties\":{\"app\":\"x\",\"owner\":\"b\"}}");
        // when asked for two pairs, then only the version holding both answers
        assertThat(get("/subjects/s/metadata?key=app&value=x&key=owner&value=a"))
                .startsWith("200 {\"subject\":\"s\",\"version\":1,\"id\":1,");
    }

    @Test
    void shouldSkipSoftDeletedVersionsUnlessAsked() throws Exception {
        assertThat(get("/subjects/s/metadata?key=owner&value=c")).isEqualTo("404 40403 Schema not found");
        assertThat(get("/subjects/s/metadata?key=owner&value=c&deleted=true"))
                .startsWith("200 {\"subject\":\"s\",\"version\":4,\"id\":4,");
    }

    @Test
    void shouldTellUnknownSubjectFromUnmatchedMetadata() throws Exception {
        assertThat(get("/subjects/nope/metadata?key=app&value=x")).isEqualTo("404 40401 Subject 'nope' not found.");
        assertThat(get("/subjects/s/metadata?key=app&value=y")).isEqualTo("404 40403 Schema not found");
        // metadata without properties holds no pair
        assertThat(get("/subjects/other/metadata?key=f&value=PII")).isEqualTo("404 40403 Schema not found");
    }

    @Test
    void shouldMatchAnyVersionWithPropertiesWhenNoPairIsAsked() throws Exception {
        // Confluent pairs keys with values by position and ignores the surplus: key=app alone asks nothing
        assertThat(get("/subjects/s/metadata?key=app")).startsWith("200 {\"subject\":\"s\",\"version\":2,");
        assertThat(get("/subjects/other/metadata")).isEqualTo("404 40403 Schema not found");
    }
}
