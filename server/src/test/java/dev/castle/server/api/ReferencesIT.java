package dev.castle.server.api;

import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Reply;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * References of every type (spec §8.1): chains A→B→C across subjects, {@code version: -1} stored as the concrete
 * version, referenced-by, and referenced versions protected from deletion (42206).
 */
class ReferencesIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("references");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** Three schemas of one type: A uses B, B uses C; each named as its type names references. */
    record Chain(String type, String cName, String c, String cChanged, String bName, String b, String a) {
        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Chain> chains() {
        return Stream.of(
                new Chain(
                        "AVRO",
                        "ns.C",
                        "{\"type\":\"enum\",\"name\":\"C\",\"namespace\":\"ns\",\"symbols\":[\"X\",\"Y\"]}",
                        "{\"type\":\"enum\",\"name\":\"C\",\"namespace\":\"ns\",\"symbols\":[\"X\",\"Y\",\"Z\"]}",
                        "ns.B",
                        "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"c\","
                                + "\"type\":\"C\"}]}",
                        "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"b\","
                                + "\"type\":\"B\"}]}"),
                new Chain(
                        "JSON",
                        "c.json",
                        "{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"string\"}}}",
                        "{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"string\",\"maxLength\":9}}}",
                        "b.json",
                        "{\"type\":\"object\",\"properties\":{\"c\":{\"$ref\":\"c.json\"}}}",
                        "{\"type\":\"object\",\"properties\":{\"b\":{\"$ref\":\"b.json\"}}}"),
                new Chain(
                        "PROTOBUF",
                        "c.proto",
                        "syntax = \"proto3\";\npackage c;\n\nmessage C {\n  string v = 1;\n}\n",
                        "syntax = \"proto3\";\npackage c;\n\nmessage C {\n  string v = 1;\n  int32 w = 2;\n}\n",
                        "b.proto",
                        "syntax = \"proto3\";\npackage b;\n\nimport \"c.proto\";\n\nmessage B {\n  c.C c = 1;\n}\n",
                        "syntax = \"proto3\";\npackage a;\n\nimport \"b.proto\";\n\nmessage A {\n  b.B b = 1;\n}\n"));
    }

    /** The subjects of one chain, unique to the test. */
    private record Subjects(String a, String b, String c, int idA, int idB, int idC) {}

    private static Subjects registerChain(Chain chain, String hint) {
        String a = Api.subject(hint + "-a");
        String b = Api.subject(hint + "-b");
        String c = Api.subject(hint + "-c");
        int idC = Typed.register(api, c, chain.type(), chain.c());
        int idB = Typed.register(api, b, chain.type(), chain.b(), chain.cName(), c, 1);
        int idA = Typed.register(api, a, chain.type(), chain.a(), chain.bName(), b, -1);
        return new Subjects(a, b, c, idA, idB, idC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void shouldRegisterAChainAndStoreTheConcreteVersion(Chain chain) {
        // given
        Subjects s = registerChain(chain, "chain");

        // when
        JsonNode version = api.get("/subjects/" + s.a() + "/versions/1").json();
        JsonNode byId = api.get("/schemas/ids/" + s.idA()).json();

        // then
        String expected = "[{\"name\":\"" + chain.bName() + "\",\"subject\":\"" + s.b() + "\",\"version\":1}]";
        assertThat(version.path("references").toString()).isEqualTo(expected);
        assertThat(byId.path("references").toString()).isEqualTo(expected);
        assertThat(version.path("schemaType").isMissingNode())
                .isEqualTo(chain.type().equals("AVRO"));
        assertThat(api.get("/subjects/" + s.c() + "/versions/1").json().has("references"))
                .isFalse();
        assertThat(api.get("/subjects/" + s.c() + "/versions/1/referencedby").ints())
                .containsExactly(s.idB());
        assertThat(api.get("/subjects/" + s.b() + "/versions/latest/referencedby")
                        .ints())
                .containsExactly(s.idA());
        assertThat(api.get("/subjects/" + s.a() + "/versions/1/referencedby").ints())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void shouldLookUpAndCheckCompatibilityThroughReferences(Chain chain) {
        // given
        Subjects s = registerChain(chain, "lookup");
        String body = Typed.body(chain.type(), chain.a(), chain.bName(), s.b(), 1);
        String latest = Typed.body(chain.type(), chain.a(), chain.bName(), s.b(), -1);

        // when
        Reply found = api.post("/subjects/" + s.a(), body);
        Reply foundLatest = api.post("/subjects/" + s.a(), latest);
        Reply compatible = api.post("/compatibility/subjects/" + s.a() + "/versions/latest", body);

        // then
        assertOk(found);
        assertThat(found.json().path("id").asInt()).isEqualTo(s.idA());
        assertThat(found.json().path("references").get(0).path("version").asInt())
                .isEqualTo(1);
        assertThat(foundLatest.json().path("id").asInt()).isEqualTo(s.idA());
        assertThat(compatible.body()).isEqualTo("{\"is_compatible\":true}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void shouldProtectReferencedVersionsFromDeletion(Chain chain) {
        // given
        Subjects s = registerChain(chain, "protect");
        String message = "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=%s,version=1}.";

        // then neither the version nor the subject may go while a live schema references it
        assertError(api.delete("/subjects/" + s.c() + "/versions/1"), 422, 42206, message.formatted(s.c()));
        assertError(api.delete("/subjects/" + s.c()), 422, 42206, message.formatted(s.c()));
        assertError(api.delete("/subjects/" + s.b() + "/versions/latest"), 422, 42206, message.formatted(s.b()));
        assertThat(api.get("/subjects/" + s.c() + "/versions").ints()).containsExactly(1);

        // and once the referrers are soft-deleted, the referenced versions may go, from the top down
        assertOk(api.delete("/subjects/" + s.a() + "/versions/1"));
        assertOk(api.delete("/subjects/" + s.b() + "/versions/1"));
        assertOk(api.delete("/subjects/" + s.c() + "/versions/1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void shouldRejectAReferenceToAMissingVersion(Chain chain) {
        String c = Api.subject("missing-c");
        String b = Api.subject("missing-b");
        Typed.register(api, c, chain.type(), chain.c());

        Reply missingVersion = Typed.post(api, b, chain.type(), chain.b(), chain.cName(), c, 100);
        Reply missingSubject = Typed.post(api, b, chain.type(), chain.b(), chain.cName(), "bad", 100);

        assertError(missingVersion, 422, 42201);
        assertThat(missingVersion.message()).contains("of type " + chain.type());
        assertError(missingSubject, 422, 42201);
        assertError(api.get("/subjects/" + b + "/versions"), 404, 40401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void shouldResolveMinusOneToTheLatestVersionAndTellReferencesApart(Chain chain) {
        // given C in two versions
        String c = Api.subject("latest-c");
        String b = Api.subject("latest-b");
        Typed.register(api, c, chain.type(), chain.c());
        assertOk(api.put("/config/" + c, "{\"compatibility\":\"NONE\"}"));
        Typed.register(api, c, chain.type(), chain.cChanged());

        // when B refers to the latest, then to version 1 explicitly
        int latest = Typed.register(api, b, chain.type(), chain.b(), chain.cName(), c, -1);
        assertOk(api.put("/config/" + b, "{\"compatibility\":\"NONE\"}"));
        int first = Typed.register(api, b, chain.type(), chain.b(), chain.cName(), c, 1);

        // then -1 was stored as 2, and the same text with other references is another schema
        assertThat(api.get("/subjects/" + b + "/versions/1")
                        .json()
                        .path("references")
                        .get(0)
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(first).isNotEqualTo(latest);
        assertThat(api.get("/subjects/" + b + "/versions").ints()).containsExactly(1, 2);
        assertThat(api.get("/subjects/" + c + "/versions/2/referencedby").ints())
                .containsExactly(latest);
        assertThat(api.get("/subjects/" + c + "/versions/1/referencedby").ints())
                .containsExactly(first);
    }
}
