package dev.castle.domain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntTableTest {
    @Test
    void shouldAgreeWithAHashMapThroughPutsAndRemovals() {
        Random random = new Random(42);
        IntTable<String> table = new IntTable<>();
        Map<Integer, String> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // a small key range makes long probe runs, wrap-arounds and many removals inside runs
            int key = random.nextInt(3_000) - 100;
            if (random.nextInt(3) == 0) {
                table.remove(key);
                expected.remove(key);
            } else {
                String value = "v" + step;
                table.put(key, value);
                expected.put(key, value);
            }
            if (step % 997 == 0) {
                assertSame(expected, table);
            }
        }
        assertSame(expected, table);
        expected.keySet().forEach(table::remove);
        assertEquals(0, table.size());
        for (int key = -100; key < 2_900; key++) {
            assertNull(table.get(key));
        }
    }

    @Test
    void shouldFindEveryEntryAfterGrowingAndShrinking() {
        IntTable<Integer> table = new IntTable<>();
        for (int key = 0; key < 10_000; key++) {
            table.put(key * 1024, key);
        }
        for (int key = 0; key < 10_000; key += 2) {
            table.remove(key * 1024);
        }
        for (int key = 0; key < 10_000; key++) {
            assertEquals(key % 2 == 0 ? null : key, table.get(key * 1024));
        }
        assertEquals(5_000, table.size());
    }

    private static void assertSame(Map<Integer, String> expected, IntTable<String> table) {
        assertEquals(expected.size(), table.size());
        for (int key = -100; key < 2_900; key++) {
            assertEquals(expected.get(key), table.get(key), "key " + key);
        }
    }
}
