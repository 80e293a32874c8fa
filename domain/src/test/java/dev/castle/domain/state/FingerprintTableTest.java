package dev.castle.domain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTableTest {
    private record Pair(long high, long low) {}

    @Test
    void shouldAgreeWithAHashMap() {
        Random random = new Random(7);
        FingerprintTable table = new FingerprintTable();
        Map<Pair, Integer> expected = new HashMap<>();
        Pair[] seen = new Pair[50_000];
        for (int i = 0; i < seen.length; i++) {
            // pairs that differ in one half only, and pairs whose halves are swapped, must not be confused
            long a = random.nextInt(5_000);
            long b = random.nextInt(5_000);
            seen[i] = i % 2 == 0 ? new Pair(a, b) : new Pair(b, a);
            table.put(seen[i].high(), seen[i].low(), i);
            expected.put(seen[i], i);
        }
        assertEquals(expected.size(), table.size());
        for (Pair pair : seen) {
            assertEquals(OptionalInt.of(expected.get(pair)), table.get(pair.high(), pair.low()));
        }
        for (int i = 0; i < 1_000; i++) {
            Pair absent = new Pair(10_000 + i, i);
            assertEquals(OptionalInt.empty(), table.get(absent.high(), absent.low()));
        }
    }
}
