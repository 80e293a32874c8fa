package dev.castle.serdes;

import static dev.castle.serdes.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecAvroTest {
    private static final String USER = "{'type':'record','name':'User','namespace':'com.acme','fields':["
            + "{'name':'id','type':'int'},{'name':'name','type':'string'},"
            + "{'name':'score','type':['null','long'],'default':null}]}";
    private static final String UNIONS = "{'type':'record','name':'MinimalUnionTest','namespace':'io.aiven.minimal',"
            + "'fields':[{'name':'id','type':'string'},"
            + "{'name':'attrs','type':{'type':'array','items':{'type':'record','name':'Attr','fields':["
            + "{'name':'k','type':'string'},"
            + "{'name':'v','type':['null','string','long','double','boolean']}]}}},"
            + "{'name':'props','type':{'type':'map','values':['null','string']}}]}";
    private static final String KINDS = "{'type':'record','name':'Kinds','fields':["
            + "{'name':'raw','type':'bytes'},"
            + "{'name':'hash','type':{'type':'fixed','name':'Hash','size':2}},"
            + "{'name':'suit','type':{'type':'enum','name':'Suit','symbols':['HEARTS','SPADES']}},"
            + "{'name':'when','type':{'type':'long','logicalType':'timestamp-millis'}},"
            + "{'name':'amount','type':{'type':'bytes','logicalType':'decimal','precision':4,'scale':2}},"
            + "{'name':'small','type':'float'}]}";

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final JsonCodec codec = new JsonCodec(registry);

    private int register(String subject, String schema) {
        return registry.register(subject, RegisteredSchema.of(SchemaType.AVRO, schema.replace('\'', '"')));
    }

    /** The value written and read back, as JSON text (Avro longs and floats come back as other node classes). */
    private String roundTrip(int id, JsonNode value) {
        JsonCodec.Decoded decoded = codec.decode(SchemaType.AVRO, codec.encode(SchemaType.AVRO, id, value));
        assertThat(decoded.schemaId()).isEqualTo(id);
        return decoded.value().toString();
    }

    @Test
    void shouldWriteMagicByteIdAndAvroBinaryExactly() {
        for (int i = 0; i < 6; i++) {
            register("filler-" + i, "{'type':'fixed','name':'F" + i + "','size':1}");
        }
        int id = register("users-value", USER);

        byte[] framed = codec.encode(SchemaType.AVRO, id, json("{'id':1,'name':'ab','score':3}"));

        // 0, id 7 big-endian, zig-zag int 1, string of length 2 "ab", union branch 1, zig-zag long 3
        assertThat(id).isEqualTo(7);
        assertThat(framed).containsExactly(0, 0, 0, 0, 7, 2, 4, 'a', 'b', 2, 6);
    }

    @Test
    void shouldRoundTripRecordsWithUnionsInArraysAndMaps() {
        int id = register("unions-value", UNIONS);
        JsonNode value = json("{'id':'one','attrs':[{'k':'text','v':'value'},{'k':'count','v':5},"
                + "{'k':'ratio','v':1.5},{'k':'flag','v':true},{'k':'empty','v':null}],"
                + "'props':{'present':'yes','missing':null}}");

        assertThat(roundTrip(id, value)).isEqualTo(value.toString());
    }

    @Test
    void shouldAcceptTaggedUnionsAndAnswerThemUntagged() {
        int id = register("unions-value", UNIONS);
        JsonNode tagged = json("{'id':'one','attrs':[{'k':'count','v':{'long':5}},{'k':'text','v':{'string':'x'}}],"
                + "'props':{'present':{'string':'yes'},'missing':null}}");

        assertThat(roundTrip(id, tagged))
                .isEqualTo(json("{'id':'one','attrs':[{'k':'count','v':5},{'k':'text','v':'x'}],"
                                + "'props':{'present':'yes','missing':null}}")
                        .toString());
    }

    @Test
    void shouldTakeBytesAndFixedAsBase64AndAnswerBase64() {
        int id = register("kinds-value", KINDS);
        JsonNode value = json(
                "{'raw':'AQI=','hash':'/w8=','suit':'SPADES','when':1700000000000," + "'amount':'BNI=','small':0.5}");

        assertThat(roundTrip(id, value)).isEqualTo(value.toString());
    }

    @Test
    void shouldRoundTripPrimitiveSchemas() {
        int string = register("s-value", "'string'");
        int integer = register("i-value", "{'type':'int'}");

        assertThat(roundTrip(string, json("'hello'"))).isEqualTo(json("'hello'").toString());
        assertThat(roundTrip(integer, json("42"))).isEqualTo(json("42").toString());
        assertThat(codec.encode(SchemaType.AVRO, integer, json("42"))).endsWith(84);
    }

    @Test
    void shouldFillMissingFieldsFromDefaults() {
        int id = register("users-value", USER);

        assertThat(roundTrip(id, json("{'id':1,'name':'ab'}")))
                .isEqualTo(json("{'id':1,'name':'ab','score':null}").toString());
    }

    @Test
    void shouldRejectDataThatDoesNotFit() {
        int id = register("users-value", USER);

        for (String value : List.of("{'id':'x','name':'ab'}", "{'id':1}", "'text'", "{'id':1.5,'name':'a'}")) {
            assertThatThrownBy(() -> codec.encode(SchemaType.AVRO, id, json(value)))
                    .isInstanceOfSatisfying(SerdesException.class, e -> assertThat(e.kind())
                            .isEqualTo(SerdesException.Kind.DATA_MISMATCH))
                    .hasMessageStartingWith("Object does not fit to stored schema");
        }
    }

    @Test
    void shouldRejectUnknownEnumSymbolsAndBadBase64() {
        int id = register("kinds-value", KINDS);

        assertThatThrownBy(() -> codec.encode(
                        SchemaType.AVRO,
                        id,
                        json("{'raw':'AQI=','hash':'/w8=','suit':'CLUBS','when':1,'amount':'AA==','small':1}")))
                .hasMessageContaining("enum Suit");
        assertThatThrownBy(() -> codec.encode(
                        SchemaType.AVRO,
                        id,
                        json("{'raw':'not base64!','hash':'/w8=','suit':'HEARTS','when':1,'amount':'AA==','small':1}")))
                .hasMessageContaining("at .raw: expected base64");
    }

    @Test
    void shouldAnswerTheFullNameOfNamedTypes() {
        assertThat(codec.recordName(register("users-value", USER))).contains("com.acme.User");
        assertThat(codec.recordName(register("s-value", "'string'"))).isEmpty();
        assertThat(codec.check(
                        RegisteredSchema.of(SchemaType.AVRO, "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}")))
                .contains("E");
    }

    @Test
    void shouldResolveReferencedNamedTypes() {
        register(
                "address",
                "{'type':'record','name':'Address','namespace':'com.acme','fields':["
                        + "{'name':'city','type':'string'}]}");
        RegisteredSchema customer = new RegisteredSchema(
                SchemaType.AVRO,
                "{'type':'record','name':'Customer','namespace':'com.acme','fields':[{'name':'home','type':'Address'}]}"
                        .replace('\'', '"'),
                List.of(new Reference("com.acme.Address", "address", 1)));
        int id = registry.register("customers-value", customer);

        assertThat(codec.check(customer)).contains("com.acme.Customer");
        assertThat(roundTrip(id, json("{'home':{'city':'Oslo'}}")))
                .isEqualTo(json("{'home':{'city':'Oslo'}}").toString());
    }

    @Test
    void shouldRefuseBytesThatDoNotDecode() {
        int id = register("users-value", USER);

        assertThatThrownBy(() -> codec.decode(SchemaType.AVRO, new byte[] {0, 0, 0, 0, (byte) id, 2, 100, 'a'}))
                .isInstanceOfSatisfying(
                        SerdesException.class, e -> assertThat(e.kind()).isEqualTo(SerdesException.Kind.BAD_FRAME));
        assertThatThrownBy(() -> codec.decode(SchemaType.AVRO, new byte[] {0, 0, 0, 0, (byte) id, 2, 2, 'a', 10}))
                .isInstanceOfSatisfying(
                        SerdesException.class, e -> assertThat(e.kind()).isEqualTo(SerdesException.Kind.BAD_FRAME));
    }
}
