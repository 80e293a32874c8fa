package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes wired into a bare Javalin (no broker): paths, parameters and bodies of the reads that need no parsing. */
class QueryRoutesTest {
    private static final FoldedView VIEW = new FoldedView()
            .add("a", 1, 1, false)
            .add("a", 2, 2, false)
            .add("b", 1, 1, true)
            .add(":.ctx:c", 1, 1, false)
            .config("a", ConfigValue.of(CompatibilityLevel.FULL))
            .mode("a", Mode.READONLY);
    private static RoutesHarness routes;

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
    void shouldServeSchemasById() throws Exception {
        assertThat(get("/schemas/ids/1"))
                .isEqualTo("200 {\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
        assertThat(get("/schemas/ids/1"))
                .isEqualTo("200 {\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
        assertThat(get("/schemas/ids/2?fetchMaxId=true"))
                .isEqualTo(
                        "200 {\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\",\"maxId\":2}");
        assertThat(get("/schemas/ids/2/schema")).isEqualTo("200 \"string\"");
        assertThat(get("/schemas/ids/7")).isEqualTo("404 40403 Schema 7 not found");
        assertThat(get("/schemas/ids/x")).isEqualTo("404 404 HTTP 404 Not Found");
        assertThat(get("/schemas/ids/1/subjects")).isEqualTo("200 [\"a\"]");
        assertThat(get("/schemas/ids/1/subjects?deleted=true")).isEqualTo("200 [\"a\",\"b\"]");
        assertThat(get("/schemas/ids/1/versions?deleted=true&offset=1"))
                .isEqualTo("200 [{\"subject\":\"b\",\"version\":1}]");
        assertThat(get("/schemas/ids/9/versions")).isEqualTo("404 40403 Schema not found");
    }

    @Test
    void shouldSearchSchemas() throws Exception {
        assertThat(get("/schemas?subjectPrefix=a&latestOnly=true"))
                .isEqualTo(
                        "200 [{\"subject\":\"a\",\"version\":2,\"id\":2,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}]");
        assertThat(get("/schemas?deleted=true&limit=1&offset=3"))
                .isEqualTo(
                        "200 [{\"subject\":\"b\",\"version\":1,\"id\":1,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}]");
        assertThat(get("/schemas/types")).isEqualTo("200 [\"JSON\",\"PROTOBUF\",\"AVRO\"]");
    }

    @Test
    void shouldServeSubjectsAndVersions() throws Exception {
        assertThat(get("/subjects")).isEqualTo("200 [\":.ctx:c\",\"a\"]");
        assertThat(get("/subjects?deletedOnly=true")).isEqualTo("200 [\"b\"]");
        assertThat(get("/subjects/a/versions")).isEqualTo("200 [1,2]");
        assertThat(get("/subjects/b/versions")).isEqualTo("404 40401 Subject 'b' not found.");
        assertThat(get("/subjects/a/versions/latest"))
                .isEqualTo(
                        "200 {\"subject\":\"a\",\"version\":2,\"id\":2,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
        assertThat(get("/subjects/c/versions/1/schema")).isEqualTo("200 \"string\"");
        assertThat(get("/subjects/a/versions/0")).startsWith("422 42202 The specified version '0' is not");
        assertThat(get("/subjects/a/versions/1/referencedby")).isEqualTo("200 []");
    }

    @Test
    void shouldServeConfigModeAndContexts() throws Exception {
        assertThat(get("/config")).isEqualTo("200 {\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(get("/config/a")).isEqualTo("200 {\"compatibilityLevel\":\"FULL\"}");
        assertThat(get("/config/b"))
                .isEqualTo("404 40408 Subject 'b' does not have subject-level compatibility configured");
        assertThat(get("/config/b?defaultToGlobal=true")).isEqualTo("200 {\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(get("/mode")).isEqualTo("200 {\"mode\":\"READWRITE\"}");
        assertThat(get("/mode/a")).isEqualTo("200 {\"mode\":\"READONLY\"}");
        assertThat(get("/mode/b")).isEqualTo("404 40409 Subject 'b' does not have subject-level mode configured");
        assertThat(get("/contexts")).isEqualTo("200 [\".\",\".ctx\"]");
        assertThat(get("/contexts?offset=1&limit=1")).isEqualTo("200 [\".ctx\"]");
        assertThat(get("/contexts?contextPrefix=.c")).isEqualTo("200 [\".ctx\"]");
        assertThat(get("/contexts?contextPrefix=.c&offset=1")).isEqualTo("200 []");
        assertThat(get("/contexts?contextPrefix=.")).isEqualTo("200 [\".\",\".ctx\"]");
    }
}
