package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code findTags} on {@code GET /schemas/ids/{id}} and {@code GET /subjects/{s}/versions/{v}} (Confluent 7.6+). */
class FindTagsRoutesTest {
    private static final String TAGGED = "{\"type\":\"record\",\"name\":\"r\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
            + "{\"name\":\"b\",\"type\":\"int\",\"confluent:tags\":[\"OTHER\"]}],\"confluent:tags\":[\"REC\"]}";
    private static final String RECORD =
            "{\"schemaEntity\":{\"entityPath\":\"r\",\"entityType\":\"sr_record\"}," + "\"tags\":[\"REC\"]}";
    private static final String FIELD_A =
            "{\"schemaEntity\":{\"entityPath\":\"r.a\",\"entityType\":\"sr_field\"}," + "\"tags\":[\"PII\"]}";
    private static final String FIELD_B =
            "{\"schemaEntity\":{\"entityPath\":\"r.b\",\"entityType\":\"sr_field\"}," + "\"tags\":[\"OTHER\"]}";
    private static RoutesHarness routes;

    @BeforeAll
    static void start() {
        routes = RoutesHarness.start(new FoldedView()
                .add(new SchemaVersion("t", 1, 1, SchemaType.AVRO, TAGGED, List.of(), null, null, false)));
    }

    @AfterAll
    static void stop() {
        routes.close();
    }

    @Test
    void shouldListEveryTaggedEntityForTheWildcardAfterTheSchema() throws Exception {
        String byVersion = routes.get("/subjects/t/versions/1?findTags=*");
        String byId = routes.get("/schemas/ids/1?findTags=*");

        assertThat(byVersion)
                .startsWith("200 {\"subject\":\"t\",\"version\":1,\"id\":1,")
                .endsWith(",\"schemaTags\":[" + RECORD + "," + FIELD_A + "," + FIELD_B + "]}");
        assertThat(byVersion.indexOf("\"schema\":")).isLessThan(byVersion.indexOf("\"schemaTags\":"));
        assertThat(byId).endsWith(",\"schemaTags\":[" + RECORD + "," + FIELD_A + "," + FIELD_B + "]}");
    }

    @Test
    void shouldListOnlyEntitiesCarryingOneOfTheNamedTags() throws Exception {
        assertThat(routes.get("/subjects/t/versions/latest?findTags=PII&findTags=REC"))
                .endsWith(",\"schemaTags\":[" + RECORD + "," + FIELD_A + "]}");
        assertThat(routes.get("/subjects/t/versions/latest?findTags=PII,OTHER"))
                .endsWith(",\"schemaTags\":[" + FIELD_A + "," + FIELD_B + "]}");
        assertThat(routes.get("/schemas/ids/1?findTags=OTHER&fetchMaxId=true"))
                .endsWith(",\"schemaTags\":[" + FIELD_B + "],\"maxId\":1}");
    }

    @Test
    void shouldAnswerThePlainBodyWhenNoTagMatchesAndNeverMixCachedAndTaggedAnswers() throws Exception {
        String plainVersion = routes.get("/subjects/t/versions/1");
        String plainId = routes.get("/schemas/ids/1");

        assertThat(routes.get("/subjects/t/versions/1?findTags=NONE")).isEqualTo(plainVersion);
        assertThat(routes.get("/schemas/ids/1?findTags=NONE")).isEqualTo(plainId);
        assertThat(routes.get("/schemas/ids/1?findTags=")).isEqualTo(plainId);
        assertThat(routes.get("/subjects/t/versions/1?findTags=*")).contains("schemaTags");
        assertThat(routes.get("/schemas/ids/1?findTags=*")).contains("schemaTags");
        assertThat(routes.get("/subjects/t/versions/1")).isEqualTo(plainVersion).doesNotContain("schemaTags");
        assertThat(routes.get("/schemas/ids/1")).isEqualTo(plainId).doesNotContain("schemaTags");
    }
}
