package dev.castle.domain.format.avro;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import java.util.ArrayList;
import java.util.HashSet;
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
    private final Map<String, String> references;
    private final String canonical;

    AvroSchema(Schema schema, List<Schema> referenced, Map<String, String> references) {
        this.schema = schema;
        this.referenced = List.copyOf(referenced);
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
        Set<String> known = new HashSet<>();
        for (Schema type : referenced) {
            known.add(type.getFullName());
        }
        return AvroFormat.reparse(AvroNormalizer.normalize(schema, known), references);
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
            return schema.toString();
        }
        return canonical;
    }

    @Override
    public boolean sameResolvedSchema(ParsedSchema other) {
        return other instanceof AvroSchema avro
                && schema.equals(avro.schema)
                && schema.toString().equals(avro.schema.toString());
    }

    @Override
    public String toString() {
        return canonical;
    }
}
