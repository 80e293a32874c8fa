package dev.castle.domain.format.avro;

import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** A parsed Avro schema with the named types of its references. */
final class AvroSchema implements ParsedSchema {
    private static final String RESOLVED = "resolved";

    private final Schema schema;
    private final List<Schema> referenced;
    private final Set<String> referencedNames;
    private final Map<String, String> references;
    private final String canonical;
    private volatile String resolved;

    AvroSchema(Schema schema, List<Schema> referenced, Set<String> referencedNames, Map<String, String> references) {
        this.schema = schema;
        this.referenced = List.copyOf(referenced);
        this.referencedNames = referencedNames;
        this.references = references;
        this.canonical = schema.toString(this.referenced, false);
    }

    Schema schema() {
        return schema;
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public ParsedSchema normalize() {
        return AvroFormat.reparse(AvroNormalizer.normalize(schema, referencedNames), references);
    }

    @Override
    public List<String> readDifferences(ParsedSchema writer) {
        Schema written = ((AvroSchema) writer).schema;
        List<String> messages = new ArrayList<>();
        for (SchemaCompatibility.Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(
                        schema, written)
                .getResult()
                .getIncompatibilities()) {
            messages.add(AvroDifferences.describe(incompatibility));
        }
        return messages;
    }

    @Override
    public String render(String format) {
        if (RESOLVED.equals(format)) {
            return resolved();
        }
        return canonical;
    }

    @Override
    public boolean sameResolvedSchema(ParsedSchema other) {
        return other instanceof AvroSchema avro && resolved().equals(avro.resolved()) && schema.equals(avro.schema);
    }

    /** Avro's text with every referenced type inlined; computed once (a benign race at worst computes it twice). */
    private String resolved() {
        String text = resolved;
        if (text == null) {
            text = schema.toString();
            resolved = text;
        }
        return text;
    }

    @Override
    public String toString() {
        return canonical;
    }

    @Override
    public ParsedSchema withTags(Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        return AvroFormat.reparse(AvroTags.edit(canonical, add, remove), references);
    }

    @Override
    public Map<SchemaEntity, Set<String>> taggedEntities() {
        return AvroTags.entities(schema);
    }

    @Override
    public boolean hasTopLevelField(String field) {
        return schema.getType() == Schema.Type.RECORD && schema.getField(field) != null;
    }
}
