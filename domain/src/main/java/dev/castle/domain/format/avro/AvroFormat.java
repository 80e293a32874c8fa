package dev.castle.domain.format.avro;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaFormat;
import dev.castle.domain.format.SchemaParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/** Avro schemas, parsed with Apache Avro's {@link Schema.Parser}; referenced named types are parsed first. */
public final class AvroFormat implements SchemaFormat {

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public ParsedSchema parse(String text, Map<String, String> references, boolean validate) {
        if (text == null) {
            throw new SchemaParseException("Empty schema", null);
        }
        try {
            Schema.Parser parser = new Schema.Parser().setValidateDefaults(validate);
            List<Schema> referenced = new ArrayList<>(references.size());
            for (String reference : references.values()) {
                referenced.add(parser.parse(reference));
            }
            Set<String> referencedNames = Set.copyOf(parser.getTypes().keySet());
            return new AvroSchema(parser.parse(text), referenced, referencedNames, references);
        } catch (RuntimeException e) {
            throw new SchemaParseException(ParseErrors.message(e, references.values(), text), e);
        }
    }

    /** Parses text already known to be valid (normalized output) with the same references, without validation. */
    static AvroSchema reparse(String text, Map<String, String> references) {
        return (AvroSchema) new AvroFormat().parse(text, references, false);
    }
}
