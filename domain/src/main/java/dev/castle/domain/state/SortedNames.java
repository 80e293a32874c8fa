package dev.castle.domain.state;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;

/**
 * An immutable sorted set of names over a slice of a sorted array: the snapshot the fold hands out for
 * {@code GET /subjects}. It costs a reference per name where a {@code TreeSet} copy costs an entry object (40 bytes), and
 * its subsets share the array.
 */
final class SortedNames extends AbstractSet<String> implements SortedSet<String> {
    private final String[] names;
    private final int from;
    private final int to;

    /** A snapshot of the names, which must be distinct; they are sorted here. */
    static SortedNames of(Collection<String> names) {
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        return new SortedNames(sorted, 0, sorted.length);
    }

    private SortedNames(String[] names, int from, int to) {
        this.names = names;
        this.from = from;
        this.to = to;
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String name && Arrays.binarySearch(names, from, to, name) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public String next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return names[next++];
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    /** The index of the first name at or after {@code name} within this slice. */
    private int ceiling(String name) {
        int at = Arrays.binarySearch(names, from, to, name);
        return at >= 0 ? at : -at - 1;
    }

    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        if (fromElement.compareTo(toElement) > 0) {
            throw new IllegalArgumentException("fromElement > toElement");
        }
        return new SortedNames(names, ceiling(fromElement), ceiling(toElement));
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
        return new SortedNames(names, from, ceiling(toElement));
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return new SortedNames(names, ceiling(fromElement), to);
    }

    @Override
    public String first() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return names[from];
    }

    @Override
    public String last() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return names[to - 1];
    }
}
