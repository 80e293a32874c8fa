package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JsonStringArrayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteAnEmptyArray() throws IOException {
        assertThat(new String(new JsonStringArray(List.<String>of().iterator()).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("[]");
    }

    @Test
    void shouldEscapeAsJsonAndSpanChunks() throws IOException {
        List<String> subjects = IntStream.range(0, 5_000)
                .mapToObj(i -> ":.ctx:s\"" + i + "\\ü/" + "x".repeat(i % 7))
                .toList();

        byte[] written = new JsonStringArray(subjects.iterator()).readAllBytes();

        assertThat(written.length).as("more than one chunk").isGreaterThan(16 * 1024);
        assertThat(JSON.readValue(written, String[].class)).containsExactlyElementsOf(subjects);
    }

    @Test
    void shouldAnswerByteByByteAsInBulk() throws IOException {
        JsonStringArray stream = new JsonStringArray(List.of("a", "b").iterator());
        StringBuilder read = new StringBuilder();
        for (int b = stream.read(); b >= 0; b = stream.read()) {
            read.append((char) b);
        }

        assertThat(read).hasToString("[\"a\",\"b\"]");
    }
}
