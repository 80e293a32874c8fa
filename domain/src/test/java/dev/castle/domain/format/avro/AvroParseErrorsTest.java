package dev.castle.domain.format.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.castle.domain.format.SchemaParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parse errors in the words Confluent's Avro (1.11) uses, never with Avro 1.12's internal placeholders for names it
 * has not resolved yet ({@code org.apache.avro.compiler.UnresolvedSchema_0}).
 */
class AvroParseErrorsTest {
    private final AvroFormat avro = new AvroFormat();

    private String error(String text) {
        return error(text, Map.of());
    }

    private String error(String text, Map<String, String> references) {
        return catchThrowableOfType(SchemaParseException.class, () -> avro.parse(text, references, true))
                .getMessage();
    }

    private static String record(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    private static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
    }

    @Test
    void shouldNameAnUndefinedFieldTypeAsWritten() {
        assertThat(error(record("R", field("f", "\"invalid_type\""))))
                .isEqualTo("\"invalid_type\" is not a defined name. The type of the \"f\" field must be a defined"
                        + " name or a {\"type\": ...} expression.");
    }

    @Test
    void shouldNameAnUndefinedNameElsewhereAsWritten() {
        assertThat(error("\"invalid_type\"")).isEqualTo("Undefined name: \"invalid_type\"");
        assertThat(error(record("R", field("f", "[\"null\",\"nope\"]")))).isEqualTo("Undefined name: \"nope\"");
        assertThat(error(record("R", field("f", "{\"type\":\"array\",\"items\":\"nope\"}"))))
                .isEqualTo("Undefined name: \"nope\"");
        assertThat(error(record("R", field("f", "{\"type\":\"map\",\"values\":\"a.b.C\"}"))))
                .isEqualTo("Undefined name: \"a.b.C\"");
    }

    @Test
    void shouldNameTheUndefinedTypeAsWrittenNotAsQualified() {
        String text = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"ns\",\"fields\":[" + field("f", "\"Other\"")
                + "]}";

        assertThat(error(text)).startsWith("\"Other\" is not a defined name. The type of the \"f\" field");
    }

    @Test
    void shouldAnswerAnUnknownTypeInAnObjectAsNotSupported() {
        assertThat(error("{\"type\":\"invalid_type\"}")).isEqualTo("Type not supported: invalid_type");
        assertThat(error(record("R", field("f", "{\"type\":\"nope\"}")))).isEqualTo("Type not supported: nope");
    }

    @Test
    void shouldRejectAnIllegalNameWhereItIsUsed() {
        assertThat(error(record("R", field("f", "\"invalid-type\"")))).isEqualTo("Illegal character in: invalid-type");
        assertThat(error(record("R", field("f", "[\"null\",\"1x\"]")))).isEqualTo("Illegal initial character: 1x");
        assertThat(error(record("R", field("f", "\"\"")))).isEqualTo("Empty name");
    }

    @Test
    void shouldReportTheFirstUndefinedNameAfterResolvingTheDefinedOnes() {
        String text = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"ns\",\"fields\":["
                + field("e", "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}")
                + ","
                + field(
                        "s",
                        "{\"type\":\"record\",\"name\":\"S\",\"namespace\":\"x\",\"fields\":["
                                + field("g", "{\"type\":\"fixed\",\"name\":\"F\",\"size\":1}") + ","
                                + field("h", "\"F\"") + "]}")
                + "," + field("byShortName", "\"E\"")
                + "," + field("byFullName", "\"ns.E\"")
                + "," + field("fromOtherSpace", "\"x.F\"")
                + "," + field("self", "[\"null\",\"R\"]")
                + "," + field("missing", "\"F\"") + "]}";

        assertThat(error(text)).startsWith("\"F\" is not a defined name. The type of the \"missing\" field");
    }

    @Test
    void shouldResolveNamesDefinedByReferences() {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("ns.E", "{\"type\":\"enum\",\"name\":\"E\",\"namespace\":\"ns\",\"symbols\":[\"A\"]}");
        String text = record("R", field("e", "\"ns.E\""), field("f", "\"Missing\""));

        assertThat(error(text, references)).startsWith("\"Missing\" is not a defined name.");
    }

    @Test
    void shouldReportTheUndefinedNameBeforeTheDefaultThatUsesIt() {
        String text = record("R", "{\"name\":\"f\",\"type\":\"nope\",\"default\":null}");

        assertThat(error(text)).startsWith("\"nope\" is not a defined name. The type of the \"f\" field");
    }

    @Test
    void shouldPrintARecursiveTypeByNameInAnInvalidDefault() {
        String text = record("R", "{\"name\":\"a\",\"type\":{\"type\":\"array\",\"items\":\"R\"},\"default\":1}");

        assertThat(error(text)).isEqualTo("Invalid default for field a: 1 not a {\"type\":\"array\",\"items\":\"R\"}");
    }

    @Test
    void shouldNeverShowAvrosPlaceholders() {
        List<String> texts = List.of(
                "\"R\"",
                "[\"null\",\"R\"]",
                record("R", "{\"name\":\"a\",\"type\":\"S\",\"default\":1}"),
                record("R", "{\"name\":\"a\",\"type\":[\"S\",\"null\"],\"default\":null}"),
                record(
                        "R",
                        field("a", "{\"type\":\"map\",\"values\":\"S\"}"),
                        "{\"name\":\"b\",\"type\":\"int\"," + "\"default\":\"x\"}"),
                record(
                        "R",
                        "{\"name\":\"a\",\"type\":{\"type\":\"record\",\"name\":\"S\",\"fields\":["
                                + field("x", "\"T\"") + "]},\"default\":{}}"));
        for (String text : texts) {
            assertThat(error(text)).as(text).doesNotContain("UnresolvedSchema").doesNotContain("org.apache.avro");
        }
    }
}
