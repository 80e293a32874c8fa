package dev.castle.serdes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SchemaRegistryPort.SubjectSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryTest {
    private static final RegisteredSchema STRING = RegisteredSchema.of(SchemaType.AVRO, "\"string\"");
    private static final String PROTO = "syntax = \"proto3\";\nmessage A { B b = 1; }\n";

    private final StubRegistry stub = new StubRegistry();

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpSchemaRegistry client(Map<String, ?> extra) {
        Map<String, Object> configs = new java.util.HashMap<>(extra);
        configs.putIfAbsent(RegistryClientConfig.SCHEMA_REGISTRY_URL, stub.url());
        return HttpSchemaRegistry.fromConfig(configs);
    }

    @Test
    void shouldRegisterWithPostToTheEncodedSubjectsVersions() throws IOException {
        stub.answer("POST", "/subjects/a%2Fb%20c/versions", 200, "{'id':7}");
        RegisteredSchema proto =
                new RegisteredSchema(SchemaType.PROTOBUF, PROTO, List.of(new Reference("b.proto", "b.proto", 2)));

        int id = client(Map.of()).register("a/b c", proto);

        assertThat(id).isEqualTo(7);
        StubRegistry.Request request = stub.requests().get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(request.body()))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"schemaType\":\"PROTOBUF\",\"schema\":" + quote(PROTO)
                                + ",\"references\":[{\"name\":\"b.proto\",\"subject\":\"b.proto\",\"version\":2}]}"));
    }

    @Test
    void shouldLeaveSchemaTypeOutForAvroAndRegisterEachSchemaOnce() throws IOException {
        stub.answer("POST", "/subjects/t-value/versions", 200, "{'id':3}");
        HttpSchemaRegistry client = client(Map.of());

        client.register("t-value", STRING);
        int again = client.register("t-value", STRING);

        assertThat(again).isEqualTo(3);
        assertThat(stub.count("POST", "/subjects/t-value/versions")).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(stub.requests().get(0).body()))
                .isEqualTo(new ObjectMapper().readTree("{\"schema\":\"\\\"string\\\"\"}"));
    }

    @Test
    void shouldFetchSchemaByIdOnceAndKeepIt() {
        stub.answer(
                "GET",
                "/schemas/ids/5",
                200,
                "{'schemaType':'PROTOBUF','schema':'syntax = \\'proto3\\';',"
                        + "'references':[{'name':'b.proto','subject':'b','version':1}]}");
        HttpSchemaRegistry client = client(Map.of());

        Optional<RegisteredSchema> first = client.schemaById(5);
        Optional<RegisteredSchema> second = client.schemaById(5);

        assertThat(first)
                .contains(new RegisteredSchema(
                        SchemaType.PROTOBUF, "syntax = \"proto3\";", List.of(new Reference("b.proto", "b", 1))));
        assertThat(second).isEqualTo(first);
        assertThat(stub.count("GET", "/schemas/ids/5")).isEqualTo(1);
    }

    @Test
    void shouldAnswerEmptyWhenTheRegistryHasNoSuchSchema() {
        stub.answer("GET", "/schemas/ids/9", 404, "{'error_code':40403,'message':'Schema 9 not found'}");
        stub.answer("GET", "/subjects/x/versions/latest", 404, "{'error_code':40401,'message':'Subject not found'}");

        HttpSchemaRegistry client = client(Map.of());

        assertThat(client.schemaById(9)).isEmpty();
        assertThat(client.version("x", -1)).isEmpty();
    }

    @Test
    void shouldCarryTheRegistrysStatusCodeAndMessageInItsException() {
        stub.answer("POST", "/subjects/t-value/versions", 422, "{'error_code':42201,'message':'Invalid schema'}");

        assertThatThrownBy(() -> client(Map.of()).register("t-value", STRING))
                .isInstanceOfSatisfying(RegistryPortException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                    assertThat(e.getMessage()).isEqualTo("Invalid schema");
                });
    }

    @Test
    void shouldMapAnErrorWithoutJsonToItsStatus() {
        stub.answer("GET", "/schemas/ids/1", 502, "Bad gateway");

        assertThatThrownBy(() -> client(Map.of()).schemaById(1))
                .isInstanceOfSatisfying(RegistryPortException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.errorCode()).isZero();
                });
    }

    @Test
    void shouldFailOverToTheNextUrlWhenOneCannotBeReached() throws IOException {
        stub.answer("GET", "/schemas/ids/1", 200, "{'schema':'\\'string\\''}");
        String dead = "http://127.0.0.1:" + freePort();

        HttpSchemaRegistry client = client(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, dead + "/, " + stub.url()));

        assertThat(client.schemaById(1)).contains(STRING);
    }

    @Test
    void shouldSayTheRegistryIsUnreachableWhenNoUrlAnswers() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> client(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, dead))
                        .schemaById(1))
                .isInstanceOfSatisfying(RegistryPortException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                    assertThat(e.getMessage()).contains("unreachable");
                });
    }

    @Test
    void shouldSendBasicCredentialsFromUserInfo() {
        stub.answer("GET", "/schemas/ids/1", 200, "{'schema':'\\'string\\''}");

        client(Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "ann:s3cret"))
                .schemaById(1);

        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic " + base64("ann:s3cret"));
    }

    @Test
    void shouldSendBasicCredentialsFromTheUrlAndKeepThemOutOfIt() {
        stub.answer("GET", "/schemas/ids/1", 200, "{'schema':'\\'string\\''}");
        String url = stub.url().replace("http://", "http://bob:pa%3Ass@");

        client(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, url)).schemaById(1);

        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic " + base64("bob:pa:ss"));
    }

    @Test
    void shouldSendAStaticBearerToken() {
        stub.answer("GET", "/schemas/ids/1", 200, "{'schema':'\\'string\\''}");

        client(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t0k"))
                .schemaById(1);

        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer t0k");
    }

    @Test
    void shouldRefuseUserInfoSourceWithoutUserInfo() {
        assertThatThrownBy(() -> client(Map.of("basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> HttpSchemaRegistry.fromConfig(Map.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldReadVersionsAndKeepTheLatestOnlyForItsTtl() {
        stub.answer(
                "GET",
                "/subjects/t-value/versions/latest",
                200,
                "{'subject':'t-value','version':2,'id':8,'schema':'\\'string\\''}");
        stub.answer(
                "GET",
                "/subjects/t-value/versions/1",
                200,
                "{'subject':'t-value','version':1,'id':4,'schema':'\\'string\\''}");
        HttpSchemaRegistry kept = client(Map.of());
        HttpSchemaRegistry uncached = client(Map.of("latest.cache.ttl.sec", 0));

        assertThat(kept.version("t-value", -1)).contains(new SubjectSchema("t-value", 2, 8, STRING));
        kept.version("t-value", -1);
        uncached.version("t-value", -1);
        uncached.version("t-value", -1);
        kept.version("t-value", 1);
        assertThat(kept.version("t-value", 1)).contains(new SubjectSchema("t-value", 1, 4, STRING));

        assertThat(stub.count("GET", "/subjects/t-value/versions/latest")).isEqualTo(3);
        assertThat(stub.count("GET", "/subjects/t-value/versions/1")).isEqualTo(1);
    }

    @Test
    void shouldListTheSubjectsOfAnId() {
        stub.answer("GET", "/schemas/ids/8/subjects", 200, "['a','b']");

        assertThat(client(Map.of()).subjectsOf(8)).containsExactly("a", "b");
    }

    @Test
    void shouldLookUpASchemaUnderASubjectWithPost() throws IOException {
        stub.answer(
                "POST", "/subjects/t-value", 200, "{'subject':'t-value','version':3,'id':9,'schema':'\\'string\\''}");
        stub.answer("POST", "/subjects/other", 404, "{'error_code':40403,'message':'Schema not found'}");
        HttpSchemaRegistry client = client(Map.of());

        assertThat(client.lookup("t-value", STRING)).contains(new SubjectSchema("t-value", 3, 9, STRING));
        assertThat(client.lookup("t-value", STRING)).isPresent();
        assertThat(client.lookup("other", STRING)).isEmpty();
        assertThat(stub.count("POST", "/subjects/t-value")).isEqualTo(1);
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedEntryBeyondCapacity() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2, null);
        cache.put(1, "a");
        cache.put(2, "b");
        cache.get(1);
        cache.put(3, "c");

        assertThat(cache.get(2)).isNull();
        assertThat(cache.get(1)).isEqualTo("a");
        assertThat(cache.size()).isEqualTo(2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String text) throws IOException {
        return new ObjectMapper().writeValueAsString(text);
    }
}
