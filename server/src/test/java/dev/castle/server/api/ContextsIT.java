package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Contexts (spec §2.7, §8.4): qualified subjects, the {@code /contexts/{ctx}} URL prefix, per-context ids and the
 * retry of unqualified reads. Nothing here registers in the default context, so its ids stay unused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContextsIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("contexts");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void shouldListOnlyDefaultContextOnEmptyRegistry() {
        assertThat(api.get("/contexts").body()).isEqualTo("[\".\"]");
        assertThat(api.get("/contexts?limit=1&offset=1").body()).isEqualTo("[]");
    }

    @Test
    @Order(2)
    void shouldNumberIdsFromOneInEachContext() {
        String schema = Avro.record("InCtx", "a:int");

        int first = api.register(":.ctx1:orders", schema);
        Reply viaPrefix =
                api.post("/contexts/.ctx2/subjects/orders/versions", schemaBody(Avro.record("Other", "a:int")));

        assertThat(first).isEqualTo(1);
        assertOk(viaPrefix);
        assertThat(viaPrefix.id()).isEqualTo(1);
        assertError(api.get("/schemas/ids/1"), 404, 40403, "Schema 1 not found");
        assertThat(api.get("/schemas/ids/1?subject=" + encode(":.ctx1:orders"))
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo(schema);
        assertThat(api.get("/contexts/.ctx1/schemas/ids/1")
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo(schema);
        assertThat(api.get("/schemas/ids/1?subject=" + encode(":.ctx1:orders") + "&fetchMaxId=true")
                        .json()
                        .path("maxId")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void shouldListContextsAndQualifiedSubjects() {
        assertThat(api.get("/contexts").strings()).containsExactly(".", ".ctx1", ".ctx2");
        assertThat(api.get("/contexts?offset=1&limit=1").strings()).containsExactly(".ctx1");
        assertThat(api.get("/subjects").strings()).containsExactly(":.ctx1:orders", ":.ctx2:orders");
        assertThat(api.get("/contexts/.ctx1/subjects").strings()).containsExactly(":.ctx1:orders");
        assertThat(api.get("/subjects?subjectPrefix=" + encode(":.ctx2:")).strings())
                .containsExactly(":.ctx2:orders");
    }

    @Test
    @Order(4)
    void shouldServeQualifiedSubjectThroughBothSpellings() {
        Reply qualified = api.get("/subjects/" + encode(":.ctx1:orders") + "/versions/1");
        Reply prefixed = api.get("/contexts/.ctx1/subjects/orders/versions/1");

        assertOk(qualified);
        assertThat(qualified.json().path("subject").asText()).isEqualTo(":.ctx1:orders");
        assertThat(qualified.json().path("id").asInt()).isEqualTo(1);
        assertThat(prefixed.body()).isEqualTo(qualified.body());
    }

    @Test
    @Order(5)
    void shouldRetryUnqualifiedReadsInKnownContexts() {
        String schema = Avro.record("Retried", "a:int");
        api.register(":.ctx3:retried", schema);

        Reply version = api.get("/subjects/retried/versions/1");
        Reply lookup = api.post("/subjects/retried", schemaBody(schema));
        Reply byId = api.get("/schemas/ids/1?subject=retried");

        assertOk(version);
        assertThat(version.json().path("subject").asText()).isEqualTo(":.ctx3:retried");
        assertOk(lookup);
        assertThat(lookup.json().path("subject").asText()).isEqualTo(":.ctx3:retried");
        assertOk(byId);
        assertThat(byId.json().path("schema").asText()).isEqualTo(schema);
    }

    @Test
    @Order(6)
    void shouldInheritContextLevelConfig() {
        assertOk(api.put("/contexts/.ctx1/config", "{\"compatibility\":\"NONE\"}"));

        assertThat(api.get("/config/" + encode(":.ctx1:")).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(api.get("/config/" + encode(":.ctx1:orders") + "?defaultToGlobal=true")
                        .body())
                .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertOk(api.post(
                "/subjects/" + encode(":.ctx1:orders") + "/versions", schemaBody(Avro.record("InCtx", "a:string"))));
        assertThat(api.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }
}
