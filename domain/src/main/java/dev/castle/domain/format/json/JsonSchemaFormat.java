package dev.castle.domain.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaFormat;
import dev.castle.domain.format.SchemaParseException;
import dev.castle.jsonschema.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12): parsed with Jackson keeping numbers exact, checked against the
 * declared draft's meta-schema, with {@code $ref}s to other subjects' schemas looked up by reference name.
 */
public final class JsonSchemaFormat implements SchemaFormat {
    /**
     * JSON nesting allowed in a schema. Deeper documents are refused while reading, before any recursive walk of the
     * schema could overflow the stack: the answer is then the same 42201 on every thread and in every endpoint.
     */
    static final int MAX_NESTING_DEPTH = 256;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public ParsedSchema parse(String text, Map<String, String> references, boolean validate) {
        JsonNode root = read(text, "the schema");
        List<Document> referenced = new ArrayList<>(references.size());
        for (Map.Entry<String, String> reference : references.entrySet()) {
            String name = reference.getKey();
            referenced.add(Document.of(name, read(reference.getValue(), "reference '" + name + "'")));
        }
        Document document = Document.of(null, root);
        if (validate) {
            List<String> violations = document.draft().violations(root);
            if (!violations.isEmpty()) {
                throw new SchemaParseException("Invalid JSON Schema: " + String.join("; ", violations), null);
            }
        }
        return JsonSchema.load(document, referenced, references, validate);
    }

    private static JsonNode read(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new SchemaParseException("Empty schema", null);
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SchemaParseException("Invalid JSON in " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}
