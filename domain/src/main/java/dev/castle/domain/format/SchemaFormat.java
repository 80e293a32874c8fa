package dev.castle.domain.format;

import dev.castle.domain.SchemaType;
import java.util.Map;

/**
 * One schema type's rules (DESIGN §8): turns schema text into a {@link ParsedSchema}. Everything else a type knows
 * (canonical text, normalization, compatibility, rendering) lives on the parsed schema.
 */
public interface SchemaFormat {

    /** The type this format handles. */
    SchemaType type();

    /**
     * Parses {@code text}. {@code references} maps each referenced name to the text of the schema it names, in
     * iteration order, which is dependency order (a schema's own references come before it). {@code validate} turns on the checks only new
     * schemas must pass (Avro: defaults match their types); stored schemas are parsed without them.
     *
     * @throws SchemaParseException when the text is not a valid schema of this type
     */
    ParsedSchema parse(String text, Map<String, String> references, boolean validate);
}
