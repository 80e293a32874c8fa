package dev.castle.jsonschema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a diff is (the JSON path) and what it found, plus the memory shared by one whole comparison: results per pair
 * of shapes, the pairs being compared (a pair met again on its own path is a cycle, assumed compatible) and the pairs a
 * previous pass found incompatible.
 */
final class DiffContext {

    /** Two shapes compared by identity. */
    record Pair(Shape original, Shape update) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pair pair && pair.original == original && pair.update == update;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(original) + System.identityHashCode(update);
        }
    }

    /** State shared by every context of one pass. */
    static final class Pass {
        private final Map<Pair, List<Difference>> memo = new HashMap<>();
        private final Set<Pair> inProgress = new HashSet<>();
        private final Map<Pair, List<Difference>> seed;
        private boolean assumedCompatible;

        Pass(Map<Pair, List<Difference>> seed) {
            this.seed = seed;
        }

        boolean assumedCompatible() {
            return assumedCompatible;
        }

        /** The compared pairs whose differences include an incompatible one. */
        Map<Pair, List<Difference>> incompatiblePairs() {
            Map<Pair, List<Difference>> incompatible = new HashMap<>();
            memo.forEach((pair, differences) -> {
                if (!allCompatible(differences)) {
                    incompatible.put(pair, differences);
                }
            });
            return incompatible;
        }
    }

    private final Pass pass;
    private final Deque<String> path = new ArrayDeque<>();
    private final List<Difference> differences = new ArrayList<>();

    DiffContext(Pass pass) {
        this.pass = pass;
    }

    /** A context at the same path collecting its own differences, to try a comparison before keeping its result. */
    DiffContext sub() {
        DiffContext sub = new DiffContext(pass);
        sub.path.addAll(path);
        return sub;
    }

    /** Runs {@code body} with {@code segment} appended to the path. */
    void at(String segment, Runnable body) {
        path.addLast(segment);
        try {
            body.run();
        } finally {
            path.removeLast();
        }
    }

    void add(DifferenceType type) {
        differences.add(new Difference(type, pathString()));
    }

    void add(String segment, DifferenceType type) {
        at(segment, () -> add(type));
    }

    void addAll(List<Difference> found) {
        differences.addAll(found);
    }

    List<Difference> differences() {
        return differences;
    }

    boolean compatible() {
        return allCompatible(differences);
    }

    /**
     * The differences of {@code pair} relative to the pair itself, computed by {@code comparison} once per pass, and
     * rebased here onto the current path.
     */
    void compareOnce(Pair pair, Consumer<DiffContext> comparison) {
        List<Difference> relative = pass.memo.get(pair);
        if (relative == null) {
            relative = computeOnce(pair, comparison);
        }
        if (path.isEmpty()) {
            differences.addAll(relative);
            return;
        }
        String prefix = pathString();
        for (Difference difference : relative) {
            String tail = difference.path().length() <= 2
                    ? ""
                    : "/" + difference.path().substring(2);
            differences.add(new Difference(difference.type(), prefix + tail));
        }
    }

    private List<Difference> computeOnce(Pair pair, Consumer<DiffContext> comparison) {
        if (!pass.inProgress.add(pair)) {
            List<Difference> seeded = pass.seed.get(pair);
            if (seeded != null) {
                return seeded;
            }
            pass.assumedCompatible = true;
            return Collections.emptyList();
        }
        try {
            DiffContext root = new DiffContext(pass);
            comparison.accept(root);
            List<Difference> result = List.copyOf(root.differences);
            pass.memo.put(pair, result);
            return result;
        } finally {
            pass.inProgress.remove(pair);
        }
    }

    private String pathString() {
        return "#/" + String.join("/", path);
    }

    static boolean allCompatible(List<Difference> differences) {
        for (Difference difference : differences) {
            if (!difference.type().compatible()) {
                return false;
            }
        }
        return true;
    }
}
