package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Read parameters Confluent 8.x added to endpoints 7.x already had: deletedAsNegative, ruleType. */
class NewerReadParametersTest {
    private static final String CEL = "{\"domainRules\":[{\"name\":\"check\",\"type\":\"CEL\",\"expr\":\"true\"}]}";
    private static final String ENCRYPT = "{\"encodingRules\":[{\"name\":\"enc\",\"type\":\"ENCRYPT\"}]}";
    private static RoutesHarness routes;

    @BeforeAll
    static void start() {
        FoldedView view = new FoldedView()
                .add("d", 1, 1, true)
                .add("d", 2, 2, false)
                .add("d", 3, 3, true)
                .add(version("r", 1, 4, CEL))
                .add(version("r", 2, 5, ENCRYPT))
                .add(version("s", 1, 6, CEL))
                .add(new SchemaVersion(":.c:ref", 1, 1, SchemaType.AVRO, "\"int\"", List.of(), null, null, false))
                .add(new SchemaVersion(
                        ":.c:main",
                        1,
                        2,
                        SchemaType.AVRO,
                        "\"int\"",
                        List.of(new SchemaReference("r", "ref", 1)),
                        null,
                        null,
                        false))
                .association(association("s", "t1", Lifecycle.WEAK))
                .association(association("r", "t2", Lifecycle.STRONG));
        routes = RoutesHarness.start(view);
    }

    @AfterAll
    static void stop() {
        routes.close();
    }

    private static Association association(String subject, String topic, Lifecycle lifecycle) {
        return new Association(
                "guid-" + subject,
                Association.DEFAULT_TENANT,
                topic,
                "lkc-1",
                "id-" + topic,
                Association.TOPIC,
                "value",
                subject,
                lifecycle,
                lifecycle == Lifecycle.STRONG,
                1L,
                1L);
    }

    private static SchemaVersion version(String subject, int version, int id, String ruleSet) {
        return new SchemaVersion(subject, version, id, SchemaType.AVRO, "\"int\"", List.of(), null, ruleSet, false);
    }

    @Test
    void shouldListSoftDeletedVersionsAsNegativeNumbers() throws Exception {
        assertThat(routes.get("/subjects/d/versions")).isEqualTo("200 [2]");
        assertThat(routes.get("/subjects/d/versions?deletedAsNegative=true")).isEqualTo("200 [-1,2,-3]");
        assertThat(routes.get("/subjects/d/versions?deletedAsNegative=true&offset=1&limit=1"))
                .isEqualTo("200 [2]");
    }

    @Test
    void shouldFilterSchemasByRuleTypeAfterTakingTheLatest() throws Exception {
        assertThat(routes.get("/schemas?ruleType=CEL").split("\"subject\"")).hasSize(3);
        assertThat(routes.get("/schemas?ruleType=CEL"))
                .contains("\"subject\":\"r\",\"version\":1")
                .contains("\"subject\":\"s\",\"version\":1");
        // the latest of r has an ENCRYPT rule only, so r drops out once latestOnly picks it
        assertThat(routes.get("/schemas?ruleType=CEL&latestOnly=true"))
                .doesNotContain("\"subject\":\"r\"")
                .contains("\"subject\":\"s\",\"version\":1");
        assertThat(routes.get("/schemas?ruleType=ENCRYPT")).contains("\"subject\":\"r\",\"version\":2");
        assertThat(routes.get("/schemas?ruleType=JSONATA")).isEqualTo("200 []");
    }

    @Test
    void shouldQualifyReferencesWithTheSchemasContextWhenAsked() throws Exception {
        String stored = "\"references\":[{\"name\":\"r\",\"subject\":\"ref\",\"version\":1}]";
        String qualified = "\"references\":[{\"name\":\"r\",\"subject\":\":.c:ref\",\"version\":1}]";
        assertThat(routes.get("/subjects/:.c:main/versions/1")).contains(stored);
        assertThat(routes.get("/subjects/:.c:main/versions/1?referenceFormat=qualified"))
                .contains(qualified);
        assertThat(routes.get("/schemas/ids/2?subject=:.c:main&referenceFormat=qualified"))
                .contains(qualified);
        // the cached answers stay as stored
        assertThat(routes.get("/schemas/ids/2?subject=:.c:main")).contains(stored);
        assertThat(routes.get("/subjects/:.c:main/versions/1")).contains(stored);
    }

    @Test
    void shouldFilterSchemasByTheirSubjectsAssociationsAndListThem() throws Exception {
        String weak = routes.get("/schemas?lifecycle=WEAK");
        assertThat(weak)
                .startsWith("200 [{\"subject\":\"s\",\"version\":1")
                .contains("\"associations\":[{\"subject\":\"s\",\"guid\":\"guid-s\",\"resourceName\":\"t1\"")
                .doesNotContain("\"subject\":\"r\"");
        // the ruleSet passes through as JSON, not as a string
        assertThat(weak).contains("\"ruleSet\":{\"domainRules\":[");
        assertThat(routes.get("/schemas?resourceType=topic&latestOnly=true").split("\"associations\""))
                .hasSize(3);
        assertThat(routes.get("/schemas?associationType=key")).isEqualTo("200 []");
        String unassociated = routes.get("/schemas?lifecycle=NONE&latestOnly=true");
        assertThat(unassociated)
                .contains("\"subject\":\"d\"")
                .contains("\"subject\":\":.c:main\"")
                .doesNotContain("\"subject\":\"s\"")
                .doesNotContain("associations");
        assertThat(routes.get("/schemas?lifecycle=STRONG&lifecycle=NONE&latestOnly=true"))
                .contains("\"subject\":\"r\"")
                .contains("\"subject\":\"d\"")
                .doesNotContain("\"subject\":\"s\"");
        assertThat(routes.get("/schemas?lifecycle=SOMETIMES")).startsWith("404 ");
    }
}
