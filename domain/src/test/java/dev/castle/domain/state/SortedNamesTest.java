package dev.castle.domain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedNamesTest {
    private static final List<String> NAMES = List.of("b", ":.ctx:a", "a", ":.ctx:c", ":.other:z", "c");

    @Test
    void shouldIterateAndSliceAsATreeSet() {
        SortedSet<String> names = SortedNames.of(NAMES);
        TreeSet<String> tree = new TreeSet<>(NAMES);
        assertEquals(List.copyOf(tree), List.copyOf(names));
        assertEquals(tree, names);
        assertEquals(List.copyOf(tree.subSet(":.ctx:", ":.ctx;")), List.copyOf(names.subSet(":.ctx:", ":.ctx;")));
        assertEquals(List.copyOf(tree.headSet("b")), List.copyOf(names.headSet("b")));
        assertEquals(List.copyOf(tree.tailSet("b")), List.copyOf(names.tailSet("b")));
        SortedSet<String> slice = names.subSet(":.ctx:", ":.ctx;");
        assertEquals(":.ctx:a", slice.first());
        assertEquals(":.ctx:c", slice.last());
        assertEquals(List.of(":.ctx:c"), List.copyOf(slice.tailSet(":.ctx:b")));
        assertTrue(names.contains("a"));
        assertFalse(slice.contains("a"));
    }

    @Test
    void shouldBeEmptyAndUnmodifiable() {
        SortedSet<String> empty = SortedNames.of(List.of());
        assertTrue(empty.isEmpty());
        assertThrows(NoSuchElementException.class, empty::first);
        assertThrows(
                UnsupportedOperationException.class, () -> SortedNames.of(NAMES).add("d"));
    }
}
