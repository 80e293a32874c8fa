package dev.castle.domain.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.avro.AvroFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedSchemaCacheTest {
    private final AvroFormat avro = new AvroFormat();
    private final AtomicInteger parses = new AtomicInteger();

    private ParsedSchema parse(ParsedSchemaCache cache, String text) {
        return cache.get(SchemaType.AVRO, text, Map.of(), () -> {
            parses.incrementAndGet();
            return avro.parse(text, Map.of(), false);
        });
    }

    @Test
    void shouldParseEachContentOnce() {
        ParsedSchemaCache cache = new ParsedSchemaCache(10);

        ParsedSchema first = parse(cache, "\"int\"");
        ParsedSchema second = parse(cache, "\"int\"");
        ParsedSchema other = parse(cache, "\"long\"");

        assertThat(second).isSameAs(first);
        assertThat(other.canonical()).isEqualTo("\"long\"");
        assertThat(parses).hasValue(2);
    }

    @Test
    void shouldStartOverWhenFull() {
        ParsedSchemaCache cache = new ParsedSchemaCache(2);
        parse(cache, "\"int\"");
        parse(cache, "\"long\"");
        parse(cache, "\"int\"");
        parse(cache, "\"long\"");

        parse(cache, "\"string\"");
        parse(cache, "\"string\"");
        parse(cache, "\"int\"");

        assertThat(parses)
                .as("int and long once, string once, int again after the cache started over")
                .hasValue(4);
    }
}
