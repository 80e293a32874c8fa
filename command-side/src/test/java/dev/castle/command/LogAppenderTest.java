package dev.castle.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Event;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a batch's records fit the log, decided without a broker. */
class LogAppenderTest {
    private static final int LIMIT = 10_000;

    private static LogAppender appender() {
        return new LogAppender(
                Map.of("max.request.size", LIMIT), "_schemas", "g", new SchemasEventEncoder(), Duration.ofSeconds(1));
    }

    private static Event.SchemaUpserted schema(String text) {
        return new Event.SchemaUpserted(new SchemaVersion(
                "s\u0001",
                1,
                1,
                SchemaType.JSON,
                text,
                List.of(new SchemaReference("r\u0002", "t", 1)),
                "{}",
                "{}",
                false));
    }

    @Test
    void shouldBoundTheEncodedSizeOfASchemaRecordFromAbove() {
        // given text that JSON escapes at six bytes a character, and plain text
        for (Event.SchemaUpserted event : List.of(schema("\u0000\u001f".repeat(300)), schema("x".repeat(600)))) {
            // when
            EventEncoder.Encoded encoded = new SchemasEventEncoder().encode(event);

            // then
            assertThat(LogAppender.upperBound(event))
                    .isGreaterThanOrEqualTo((long) encoded.key().length + encoded.value().length);
        }
    }

    @Test
    void shouldAcceptSmallRecordsAndRefuseOnesOverTheRequestSize() {
        assertThat(appender().fits(List.of(schema("x".repeat(100)), new Event.Noop())))
                .isTrue();
        assertThat(appender().fits(List.of(schema("x".repeat(100)), schema("x".repeat(LIMIT)))))
                .isFalse();
        // a record the quick bound cannot vouch for, but that fits once encoded
        assertThat(appender().fits(List.of(schema("x".repeat(LIMIT / 3))))).isTrue();
    }
}
