package dev.castle.domain.format;

import dev.castle.domain.SchemaType;
import java.util.Map;

/**
 * Turns a stack overflow while parsing into an invalid schema. Parsers, meta-schema validators and printers recurse
 * once per nesting level; a hostile schema nested a few hundred levels deep must be a 42201, not an error that kills
 * the thread deciding every write.
 */
final class GuardedFormat implements SchemaFormat {
    private final SchemaFormat format;

    GuardedFormat(SchemaFormat format) {
        this.format = format;
    }

    @Override
    public SchemaType type() {
        return format.type();
    }

    @Override
    public ParsedSchema parse(String text, Map<String, String> references, boolean validate) {
        try {
            return format.parse(text, references, validate);
        } catch (StackOverflowError e) {
            throw new SchemaParseException("Invalid " + format.type() + " schema: nested too deeply", null);
        }
    }
}
