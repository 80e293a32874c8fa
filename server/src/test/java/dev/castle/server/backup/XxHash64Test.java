package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XxHash64Test {

    @Test
    void shouldMatchTheReferenceValues() {
        assertThat(hash("")).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(hash("abc")).isEqualTo(0x44BC2CF5AD770999L);
    }

    @Test
    void shouldGiveTheSameDigestHoweverTheInputIsSplit() {
        byte[] input = new byte[200];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31 + 7);
        }
        XxHash64 whole = new XxHash64();
        whole.update(input);
        for (int split = 0; split <= input.length; split += 13) {
            XxHash64 parts = new XxHash64();
            parts.update(input, 0, split);
            parts.digest();
            parts.update(input, split, input.length - split);
            assertThat(parts.digest()).as("split at %d", split).isEqualTo(whole.digest());
        }
    }

    @Test
    void shouldDigestBigEndian() {
        XxHash64 hash = new XxHash64();
        assertThat(hash.digest()).containsExactly(0xEF, 0x46, 0xDB, 0x37, 0x51, 0xD8, 0xE9, 0x99);
    }

    private static long hash(String text) {
        XxHash64 hash = new XxHash64();
        hash.update(text.getBytes(StandardCharsets.UTF_8));
        return hash.value();
    }
}
