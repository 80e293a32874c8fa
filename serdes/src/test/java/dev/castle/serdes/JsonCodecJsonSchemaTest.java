package dev.castle.serdes;

import static dev.castle.serdes.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecJsonSchemaTest {
    private static final String PERSON = "{'title':'Person','type':'object','properties':{"
            + "'name':{'type':'string'},'age':{'type':'integer','minimum':0}},'required':['name']}";

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final JsonCodec codec = new JsonCodec(registry);

    private int register(String subject, String schema) {
        return registry.register(subject, RegisteredSchema.of(SchemaType.JSON, schema.replace('\'', '"')));
    }

    private static SerdesException.Kind kind(Throwable e) {
        return ((SerdesException) e).kind();
    }

    @Test
    void shouldWriteCompactUtf8JsonFramed() {
        int id = register("people-value", PERSON);

        byte[] framed = codec.encode(SchemaType.JSON, id, json("{ 'name' : 'Åse', 'age' : 30 }"));

        assertThat(WireFormat.read(framed).schemaId()).isEqualTo(id);
        assertThat(new String(framed, 5, framed.length - 5, StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"Åse\",\"age\":30}");
    }

    @Test
    void shouldRoundTripValues() {
        int id = register("people-value", PERSON);
        JsonNode value = json("{'name':'Ada','age':36,'extra':[1.5,true,null]}");

        JsonCodec.Decoded decoded = codec.decode(SchemaType.JSON, codec.encode(SchemaType.JSON, id, value));

        assertThat(decoded.schemaId()).isEqualTo(id);
        assertThat(decoded.value().toString()).isEqualTo("{\"name\":\"Ada\",\"age\":36,\"extra\":[1.5,true,null]}");
    }

    @Test
    void shouldRejectValuesTheSchemaRefusesWithTheValidatorsMessages() {
        int id = register("people-value", PERSON);

        assertThatThrownBy(() -> codec.encode(SchemaType.JSON, id, json("{'age':'not an integer'}")))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.DATA_MISMATCH))
                .hasMessageContaining("$.age: string found, integer expected")
                .hasMessageContaining("$: required property 'name' not found");
    }

    @Test
    void shouldResolveRefsToReferencedSchemas() {
        register("address", "{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}");
        RegisteredSchema customer = new RegisteredSchema(
                SchemaType.JSON,
                "{'title':'Customer','type':'object','properties':{'home':{'$ref':'address.json'}}}".replace('\'', '"'),
                List.of(new Reference("address.json", "address", 1)));
        int id = registry.register("customers-value", customer);

        assertThat(codec.check(customer)).contains("Customer");
        assertThat(codec.decode(SchemaType.JSON, codec.encode(SchemaType.JSON, id, json("{'home':{'city':'Oslo'}}")))
                        .value())
                .isEqualTo(json("{'home':{'city':'Oslo'}}"));
        assertThatThrownBy(() -> codec.encode(SchemaType.JSON, id, json("{'home':{'city':7}}")))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.DATA_MISMATCH));
    }

    @Test
    void shouldRefuseRefsThatNoReferenceServes() {
        RegisteredSchema dangling = RegisteredSchema.of(
                SchemaType.JSON, "{\"properties\":{\"a\":{\"$ref\":\"https://example.com/x.json\"}}}");

        assertThatThrownBy(() -> codec.check(dangling))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.INVALID_SCHEMA));
    }

    @Test
    void shouldUseTheDeclaredDraft() {
        int id = register(
                "d-value",
                "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'array',"
                        + "'prefixItems':[{'type':'string'}],'items':false}");

        assertThat(codec.encode(SchemaType.JSON, id, json("['a']"))).isNotEmpty();
        assertThatThrownBy(() -> codec.encode(SchemaType.JSON, id, json("['a','b']")))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.DATA_MISMATCH));
    }

    @Test
    void shouldAnswerTheTitleAsRecordName() {
        assertThat(codec.recordName(register("people-value", PERSON))).contains("Person");
        assertThat(codec.recordName(register("any-value", "{'type':'object'}"))).isEmpty();
    }

    @Test
    void shouldRefusePayloadsThatAreNotJsonOfTheSchema() {
        int id = register("people-value", PERSON);
        byte[] notJson = WireFormat.frame(id, "{\"name\":".getBytes(StandardCharsets.UTF_8));
        byte[] wrongShape = WireFormat.frame(id, "{\"age\":3}".getBytes(StandardCharsets.UTF_8));
        byte[] empty = WireFormat.frame(id, new byte[0]);

        for (byte[] framed : List.of(notJson, wrongShape, empty)) {
            assertThatThrownBy(() -> codec.decode(SchemaType.JSON, framed))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.BAD_FRAME));
        }
    }
}
