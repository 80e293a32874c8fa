package dev.castle.domain.format.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaParseException;
import dev.castle.jsonschema.Difference;
import dev.castle.jsonschema.Document;
import dev.castle.jsonschema.JsonSchemaException;
import dev.castle.jsonschema.SchemaDiff;
import dev.castle.jsonschema.Shape;
import dev.castle.jsonschema.ShapeLoader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A parsed JSON Schema with the documents its references name, loaded into {@link Shape}s for the diff. */
final class JsonSchema implements ParsedSchema {
    private final Document document;
    private final List<Document> referenced;
    private final Map<String, String> references;
    private final Shape shape;
    private final String canonical;

    private JsonSchema(Document document, List<Document> referenced, Map<String, String> references, Shape shape) {
        this.document = document;
        this.referenced = List.copyOf(referenced);
        this.references = references;
        this.shape = shape;
        this.canonical = write(document.root());
    }

    /**
     * Loads {@code document}; with {@code strict} every {@code $ref} must resolve, otherwise dangling ones read as the
     * empty schema (a stored schema must stay readable). References are all resolved here, so that the shapes never
     * change afterwards and the schema can be shared between threads.
     */
    static JsonSchema load(
            Document document, List<Document> referenced, Map<String, String> references, boolean strict) {
        try {
            return new JsonSchema(
                    document, referenced, references, ShapeLoader.loadResolved(document, referenced, strict));
        } catch (JsonSchemaException e) {
            throw new SchemaParseException(e.getMessage(), e);
        }
    }

    Shape shape() {
        return shape;
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public ParsedSchema normalize() {
        Document sorted = Document.of(null, sorted(document.root()));
        return load(sorted, referenced, references, false);
    }

    @Override
    public List<String> readDifferences(ParsedSchema writer) {
        List<String> messages = new ArrayList<>();
        for (Difference difference : SchemaDiff.incompatibilities(((JsonSchema) writer).shape, shape)) {
            messages.add(difference.message(READER, WRITER));
        }
        return messages;
    }

    @Override
    public String render(String format) {
        return canonical;
    }

    @Override
    public boolean sameResolvedSchema(ParsedSchema other) {
        return other instanceof JsonSchema json
                && document.root().equals(json.document.root())
                && contents(referenced).equals(contents(json.referenced));
    }

    @Override
    public String toString() {
        return canonical;
    }

    private static Map<String, JsonNode> contents(List<Document> documents) {
        Map<String, JsonNode> contents = new HashMap<>();
        for (Document each : documents) {
            contents.put(each.name(), each.root());
        }
        return contents;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JsonSchemaFormat.MAPPER.createObjectNode();
            copy.setAll(fields);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonSchemaFormat.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String write(JsonNode node) {
        try {
            return JsonSchemaFormat.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ParsedSchema withTags(Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        return new JsonSchemaFormat().parse(write(JsonTags.edit(document.root(), add, remove)), references, false);
    }

    @Override
    public Map<SchemaEntity, Set<String>> taggedEntities() {
        return JsonTags.entities(document.root());
    }

    @Override
    public boolean hasTopLevelField(String field) {
        JsonNode properties = document.root().get("properties");
        return properties != null && properties.isObject() && properties.has(field);
    }
}
