package dev.castle.server.api;

import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Confluent 8.x's associations API and {@code DELETE /contexts/{ctx}} over HTTP, against a real broker: create, the
 * three lookups, upsert, delete (with its cascade), the batch routes, the error answers, and a restarted node folding
 * them back from {@code _schemas}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssociationsIT {
    private static final String ORDER = Avro.record("Order", "id:long");
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("associations");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static String weakBody(String resourceId, String keySubject, String valueSubject) {
        return "{\"resourceName\":\"orders\",\"resourceNamespace\":\"lkc-1\",\"resourceId\":\"" + resourceId
                + "\",\"resourceType\":\"topic\",\"associations\":["
                + "{\"subject\":\"" + keySubject + "\",\"associationType\":\"key\",\"lifecycle\":\"WEAK\"},"
                + "{\"subject\":\"" + valueSubject + "\",\"associationType\":\"value\",\"lifecycle\":\"WEAK\"}]}";
    }

    @Test
    @Order(1)
    void shouldCreateWeakAssociationsAndFindThemThreeWays() {
        // given
        api.register("orders-key", "\"string\"");
        api.register("orders-value", ORDER);

        // when
        Reply created = api.post("/associations", weakBody("id-1", "orders-key", "orders-value"));

        // then
        assertOk(created);
        assertThat(created.body())
                .isEqualTo("{\"resourceName\":\"orders\",\"resourceNamespace\":\"lkc-1\",\"resourceId\":\"id-1\","
                        + "\"resourceType\":\"topic\",\"associations\":["
                        + "{\"subject\":\"orders-key\",\"associationType\":\"key\",\"lifecycle\":\"WEAK\"},"
                        + "{\"subject\":\"orders-value\",\"associationType\":\"value\",\"lifecycle\":\"WEAK\"}]}");
        JsonNode bySubject = api.get("/associations/subjects/orders-value").json();
        assertThat(bySubject).hasSize(1);
        assertThat(bySubject.get(0).path("resourceId").asText()).isEqualTo("id-1");
        assertThat(bySubject.get(0).path("guid").asText()).hasSize(36);
        assertThat(bySubject.get(0).path("createTs").asLong()).isPositive();
        assertThat(bySubject.get(0).path("updateTs").asLong()).isPositive();
        assertThat(bySubject.get(0).has("frozen")).isFalse();
        assertThat(api.get("/associations/resources/id-1").json()).hasSize(2);
        assertThat(api.get("/associations/resources/id-1?associationType=key").json())
                .hasSize(1);
        assertThat(api.get("/associations/resources/lkc-1/orders").json()).hasSize(2);
        assertThat(api.get("/associations/resources/-/-?lifecycle=WEAK&limit=1").json())
                .hasSize(1);
        assertThat(api.get("/associations/resources/id-1?lifecycle=STRONG").body())
                .isEqualTo("[]");
        assertThat(api.get("/associations/resources/id-1?resourceType=other").body())
                .isEqualTo("[]");
    }

    @Test
    @Order(2)
    void shouldCreateAStrongAssociationWithItsSchema() {
        // when
        Reply created = api.post(
                "/associations",
                "{\"resourceName\":\"payments\",\"resourceNamespace\":\"lkc-1\",\"resourceId\":\"id-2\","
                        + "\"associations\":[{\"associationType\":\"value\",\"schema\":" + Api.schemaBody(ORDER)
                        + "}]}");

        // then
        assertOk(created);
        JsonNode info = created.json().path("associations").get(0);
        assertThat(info.path("subject").asText()).isEqualTo(":.lkc-1:payments-value");
        assertThat(info.path("lifecycle").asText()).isEqualTo("STRONG");
        assertThat(info.path("schema").path("version").asInt()).isEqualTo(1);
        assertThat(api.get("/subjects/" + encode(":.lkc-1:payments-value") + "/versions")
                        .ints())
                .containsExactly(1);
        assertThat(api.get("/contexts").strings()).contains(".lkc-1");
    }

    @Test
    @Order(3)
    void shouldAnswerConfluentsErrors() {
        assertError(
                api.post("/associations", weakBody("id-1", "orders-value", "orders-key")),
                409,
                40903,
                "An association of type 'key' already exists for resource 'orders'");
        assertError(
                api.post("/associations", "{\"resourceName\":\"t\",\"resourceNamespace\":\"n\",\"resourceId\":\"x\"}"),
                422,
                42212,
                "The association specified an invalid value for property: 'associations', detail: cannot be null or"
                        + " empty");
        assertError(
                api.post("/associations", weakBody("id-3", "missing-key", "missing-value")),
                409,
                40907,
                "No active (non-deleted) version exists for subject 'missing-key'");
        assertError(
                api.delete("/subjects/orders-value"),
                409,
                40904,
                "An association already exists for subject 'orders-value'");
        assertError(
                api.delete("/subjects/orders-value/versions/1"),
                409,
                40907,
                "No active (non-deleted) version exists for subject 'orders-value'");
        assertError(
                api.post(
                        "/subjects/ref/versions",
                        Api.schemaBody(Avro.record("Ref", "o:Order"), "Order", ":.lkc-1:payments-value", 1)),
                422,
                42205,
                "Subject ':.lkc-1:payments-value' has a strong association and cannot be referenced");
        assertError(
                api.put("/associations/resources/other", weakBody("id-1", "orders-key", "orders-value")),
                422,
                42212,
                "The association specified an invalid value for property: 'resourceId', detail: Resource ID in the"
                        + " path parameter does not match the resource ID in the request body");
        assertError(api.delete("/associations/resources/none"), 404, 40410, "Association for 'none' not found.");
        assertError(
                api.delete("/associations/resources/id-2"),
                409,
                40908,
                "The association of type  'value' is frozen for subject ':.lkc-1:payments-value'");
        assertError(api.post("/associations", "{\"associations\":[{\"lifecycle\":\"FIRM\"}]}"), 400, 400);
    }

    @Test
    @Order(4)
    void shouldUpsertAndDeleteAssociations() {
        // given
        api.register("shared", ORDER);

        // when a WEAK value association is added to a new resource, then its key deleted
        Reply upserted = api.put(
                "/associations/resources/id-4",
                "{\"resourceName\":\"audit\",\"resourceNamespace\":\"lkc-1\",\"associations\":"
                        + "[{\"subject\":\"shared\",\"associationType\":\"value\"}]}");
        Reply again = api.put(
                "/associations/resources/id-4",
                "{\"resourceName\":\"audit\",\"resourceNamespace\":\"lkc-1\",\"associations\":"
                        + "[{\"subject\":\"shared\",\"associationType\":\"value\",\"lifecycle\":\"WEAK\"}]}");
        Reply deleted = api.delete("/associations/resources/id-1?associationType=key");
        Reply cascaded = api.delete("/associations/resources/id-2?cascadeLifecycle=true");

        // then
        assertOk(upserted);
        assertThat(upserted.json().path("associations").get(0).path("lifecycle").asText())
                .isEqualTo("WEAK");
        assertOk(again);
        assertThat(again.json().has("associations")).isFalse();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/associations/resources/id-1").json()).hasSize(1);
        assertThat(cascaded.status()).isEqualTo(204);
        assertError(api.get("/subjects/" + encode(":.lkc-1:payments-value") + "/versions"), 404, 40401);
        assertThat(api.get("/associations/subjects/shared").json()).hasSize(1);
    }

    @Test
    @Order(5)
    void shouldDeleteOnlyAnEmptyContext() {
        api.register(":.lkc-1:kept", ORDER);
        assertError(api.delete("/contexts/.lkc-1"), 422, 42211, "The specified context ':.lkc-1:' is not empty.");

        api.register(":.gone:s", ORDER);
        assertOk(api.delete("/subjects/" + encode(":.gone:s")));
        assertOk(api.delete("/subjects/" + encode(":.gone:s") + "?permanent=true"));
        Reply deleted = api.delete("/contexts/.gone");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/contexts").strings()).doesNotContain(".gone");
    }

    @Test
    @Order(6)
    void shouldMutateAndGetAssociationsInBatchesWithAResultOrErrorPerResource() throws Exception {
        // given
        api.register("batch-weak", ORDER);
        String mutate = "{\"requests\":["
                + "{\"resourceName\":\"ship\",\"resourceNamespace\":\"lkc-9\",\"resourceId\":\"id-b1\","
                + "\"associations\":[{\"opType\":\"CREATE\",\"associationType\":\"value\",\"schema\":{\"schema\":"
                + new ObjectMapper().writeValueAsString(ORDER) + "}}]},"
                + "{\"resourceName\":\"ship\",\"resourceNamespace\":\"lkc-9\",\"resourceId\":\"id-b2\","
                + "\"associations\":[{\"opType\":\"CREATE\",\"subject\":\"batch-weak\",\"lifecycle\":\"WEAK\"},"
                + "{\"opType\":\"DELETE\",\"associationType\":\"key\"}]}]}";

        // when
        Reply mutated = api.post("/associations:batchMutate", mutate);
        Reply got = api.post(
                "/associations:batchGet?includeSchemas=true",
                "{\"requests\":[{\"resourceId\":\"id-b1\"},{\"resourceName\":\"ship\"},"
                        + "{\"resourceId\":\"id-b2\"}]}");

        // then each resource has its own answer, and the failed one wrote nothing
        assertThat(mutated.status()).isEqualTo(207);
        JsonNode results = mutated.json().path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0)
                        .path("result")
                        .path("associations")
                        .get(0)
                        .path("subject")
                        .asText())
                .isEqualTo(":.lkc-9:ship-value");
        assertThat(results.get(0)
                        .path("result")
                        .path("associations")
                        .get(0)
                        .path("schema")
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(results.get(1).toString())
                .isEqualTo("{\"error\":{\"error_code\":40410,\"message\":\"Association for 'id-b2' not found.\"}}");
        assertThat(api.get("/associations/subjects/batch-weak").json()).isEmpty();
        assertThat(got.status()).isEqualTo(207);
        JsonNode found = got.json().path("results");
        assertThat(found.get(0).path("result").path("resourceName").asText()).isEqualTo("ship");
        assertThat(found.get(0)
                        .path("result")
                        .path("associations")
                        .get(0)
                        .path("schema")
                        .path("subject")
                        .asText())
                .isEqualTo(":.lkc-9:ship-value");
        assertThat(found.get(1).path("error").path("error_code").asInt()).isEqualTo(42212);
        assertThat(found.get(2).toString())
                .isEqualTo("{\"result\":{\"resourceId\":\"id-b2\",\"resourceType\":\"topic\"}}");
    }

    @Test
    @Order(7)
    void shouldRefuseAnEmptyOrMalformedBatch() {
        assertError(
                api.post("/associations:batchMutate", "{\"requests\":[]}"),
                422,
                42212,
                "The association specified an invalid value for property: 'requests', detail: cannot be null or empty");
        assertError(api.post("/associations:batchGet", "{}"), 422, 42212);
        assertError(
                api.post(
                        "/associations:batchMutate",
                        "{\"requests\":[{\"resourceName\":\"x\",\"associations\":[{\"opType\":\"MOVE\"}]}]}"),
                400,
                400);
        Reply notAnObject = api.post("/associations:batchGet", "[]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.message()).doesNotContain("dev.castle");
    }

    @Test
    @Order(8)
    void shouldFoldAssociationsBackFromTheTopicAfterARestart() throws Exception {
        // given the associations as this node answers them
        String before = api.get("/associations/resources/-/-").body();
        String contexts = api.get("/contexts").body();

        // when a fresh node starts on the same topic
        Map<String, String> config = TestNodes.registry("associations-restart");
        config.put("kafkastore.topic", api.topic());
        try (Castle restarted = Castle.start(config)) {
            // then
            assertThat(get(restarted, "/associations/resources/-/-")).isEqualTo(before);
            assertThat(get(restarted, "/contexts")).isEqualTo(contexts);
            JsonNode shared = new ObjectMapper().readTree(get(restarted, "/associations/subjects/shared"));
            assertThat(shared.get(0).path("resourceId").asText()).isEqualTo("id-4");
        }
    }

    private static String get(Castle node, String path) {
        Reply reply = TestNodes.registryClient(node).get(path);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
