package dev.castle.server.api;

import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data contracts (Confluent 7.4+): metadata and rule sets from the request, the previous version and the config. */
class DataContractsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String V1 =
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}]}";
    private static final String V2 =
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"},"
                    + "{\"name\":\"f2\",\"type\":\"string\",\"default\":\"x\"}]}";
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("data-contracts");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void shouldStoreMetadataMergedWithSubjectDefaultsAndOverridesAndAnswerTheFullSchema() throws Exception {
        // given
        String s = subject("merged");
        assertOk(api.put(
                "/config/" + encode(s),
                "{\"defaultMetadata\":{\"properties\":{\"owner\":\"d\",\"team\":\"d\"}},"
                        + "\"overrideMetadata\":{\"properties\":{\"team\":\"o\"}}}"));

        // when
        Reply reply =
                api.post("/subjects/" + encode(s) + "/versions", body(V1, "{\"properties\":{\"owner\":\"s\"}}", null));

        // then
        assertOk(reply);
        JsonNode metadata = MAPPER.readTree("{\"properties\":{\"owner\":\"s\",\"team\":\"o\"}}");
        assertThat(reply.json().path("version").asInt()).isEqualTo(1);
        assertThat(reply.json().path("metadata")).isEqualTo(metadata);
        assertThat(api.get("/subjects/" + encode(s) + "/versions/1").json().path("metadata"))
                .isEqualTo(metadata);
    }

    @Test
    void shouldCarryThePreviousRuleSetAndFindTheSchemaWithoutIt() throws Exception {
        // given
        String s = subject("carried");
        String ruleSet = "{\"domainRules\":[{\"name\":\"checkLen\",\"kind\":\"CONDITION\",\"mode\":\"WRITE\","
                + "\"type\":\"CEL\",\"expr\":\"size(message.f1) < 10\",\"disabled\":false}]}";
        assertOk(api.post("/subjects/" + encode(s) + "/versions", body(V1, null, ruleSet)));

        // when
        Reply second = api.post("/subjects/" + encode(s) + "/versions", body(V2, null, null));
        Reply lookup = api.post("/subjects/" + encode(s), body(V2, null, null));

        // then
        assertOk(second);
        assertThat(second.json().path("ruleSet")).isEqualTo(MAPPER.readTree(ruleSet));
        assertOk(lookup);
        assertThat(lookup.json().path("version").asInt()).isEqualTo(2);
        assertThat(api.get("/subjects/" + encode(s) + "/versions/2").json().path("ruleSet"))
                .isEqualTo(MAPPER.readTree(ruleSet));
    }

    @Test
    void shouldFindASchemaStoredWithDefaultMetadataWhenLookedUpWithout() {
        // given
        String s = subject("lookup");
        assertOk(api.put("/config/" + encode(s), "{\"defaultMetadata\":{\"properties\":{\"owner\":\"d\"}}}"));
        assertOk(api.post("/subjects/" + encode(s) + "/versions", body(V1, null, null)));

        // when
        Reply again = api.post("/subjects/" + encode(s) + "/versions", body(V1, null, null));
        Reply lookup = api.post("/subjects/" + encode(s), body(V1, null, null));

        // then
        assertOk(again);
        assertThat(again.json().path("version").asInt()).isEqualTo(1);
        assertOk(lookup);
        assertThat(lookup.json()
                        .path("metadata")
                        .path("properties")
                        .path("owner")
                        .asText())
                .isEqualTo("d");
    }

    @Test
    void shouldRejectAJsonSchemaPropertyThatIsReservedWhenValidateFieldsIsOn() {
        // given
        String s = subject("reserved");
        assertOk(api.put("/config/" + encode(s), "{\"compatibility\":\"NONE\",\"validateFields\":true}"));
        String body = "{\"schemaType\":\"JSON\",\"schema\":"
                + TestHttp.json("{\"type\":\"object\",\"properties\":" + "{\"ssn\":{\"type\":\"string\"}}}")
                + ",\"metadata\":{\"properties\":"
                + "{\"confluent:reserved\":\"ssn\"}}}";

        // when
        Reply reply = api.post("/subjects/" + encode(s) + "/versions", body);

        // then
        assertError(
                reply,
                409,
                409,
                "Schema being registered is incompatible with an earlier schema for subject \"" + s + "\", details: "
                        + "[The new schema has field that conflicts with the reserved field ssn., "
                        + "{validateFields: 'true', compatibility: 'NONE'}]");
    }

    @Test
    void shouldAnswer42210ForARuleSetWithDuplicateNames() {
        // given
        String ruleSet = "{\"domainRules\":[{\"name\":\"r\",\"type\":\"CEL\"},{\"name\":\"r\",\"type\":\"CEL\"}]}";

        // when
        Reply reply = api.post("/subjects/" + encode(subject("rules")) + "/versions", body(V1, null, ruleSet));

        // then
        assertError(reply, 422, 42210, "Found rule with duplicate name 'r'");
    }

    static String body(String schema, String metadata, String ruleSet) {
        try {
            ObjectNode body = MAPPER.createObjectNode().put("schema", schema);
            if (metadata != null) {
                body.set("metadata", MAPPER.readTree(metadata));
            }
            if (ruleSet != null) {
                body.set("ruleSet", MAPPER.readTree(ruleSet));
            }
            return body.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
