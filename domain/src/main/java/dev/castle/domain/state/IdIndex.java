package dev.castle.domain.state;

import dev.castle.domain.state.Keys.SubjectVersion;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Each context's ids: the content an id is bound to and the subject-versions carrying it, in order of appearance, and
 * the highest id the context has seen (spec §5.4). Not thread-safe.
 */
final class IdIndex {
    private final Map<String, IntTable<IdBinding>> byContext = new HashMap<>();
    private final Map<String, Integer> maxIds = new HashMap<>();

    /**
     * An id's content and carriers. Almost every id has one carrier, held in two fields; a set is made only for the
     * second. At a million schemas each object here is a visible share of the heap.
     */
    private static final class IdBinding {
        /** The content's fingerprint, its 16 bytes as two longs. */
        final long high;

        final long low;
        /** The one carrier, or null when there are none or several. */
        private String onlySubject;

        private int onlyVersion;
        /** Every carrier when there are several, else null. */
        private LinkedHashSet<SubjectVersion> several;

        IdBinding(long high, long low) {
            this.high = high;
            this.low = low;
        }

        boolean boundTo(long high, long low) {
            return this.high == high && this.low == low;
        }

        private boolean isOnly(SubjectVersion member) {
            return onlySubject != null && onlyVersion == member.version() && onlySubject.equals(member.subject());
        }

        void add(SubjectVersion member) {
            if (several != null) {
                several.add(member);
            } else if (onlySubject == null) {
                onlySubject = member.subject();
                onlyVersion = member.version();
            } else if (!isOnly(member)) {
                several = new LinkedHashSet<>();
                several.add(new SubjectVersion(onlySubject, onlyVersion));
                several.add(member);
                onlySubject = null;
            }
        }

        void remove(SubjectVersion member) {
            if (several == null) {
                if (isOnly(member)) {
                    onlySubject = null;
                }
                return;
            }
            several.remove(member);
            if (several.size() <= 1) {
                onlySubject = null;
                if (!several.isEmpty()) {
                    SubjectVersion last = several.iterator().next();
                    onlySubject = last.subject();
                    onlyVersion = last.version();
                }
                several = null;
            }
        }

        boolean isEmpty() {
            return onlySubject == null && several == null;
        }

        List<SubjectVersion> members() {
            if (several != null) {
                return List.copyOf(several);
            }
            return onlySubject == null ? List.of() : List.of(new SubjectVersion(onlySubject, onlyVersion));
        }
    }

    private IdBinding binding(String context, int id) {
        IntTable<IdBinding> ids = byContext.get(context);
        return ids == null ? null : ids.get(id);
    }

    /** Adds a carrier to the id, binding the id to the fingerprint if it had none. */
    void bind(String context, int id, String fingerprint, SubjectVersion carrier) {
        IntTable<IdBinding> ids = byContext.computeIfAbsent(context, c -> new IntTable<>());
        IdBinding binding = ids.get(id);
        if (binding == null) {
            binding = new IdBinding(Keys.high(fingerprint), Keys.low(fingerprint));
            ids.put(id, binding);
        }
        binding.add(carrier);
        maxIds.merge(context, id, Math::max);
    }

    /** Removes a carrier from the id; the id is forgotten with its last carrier (its maximum is not). */
    void unbind(String context, int id, SubjectVersion carrier) {
        IntTable<IdBinding> ids = byContext.get(context);
        IdBinding binding = ids == null ? null : ids.get(id);
        if (binding != null) {
            binding.remove(carrier);
            if (binding.isEmpty()) {
                ids.remove(id);
            }
        }
    }

    /** Replaces what the id holds with these carriers of the fingerprint's content (none: forgets the id). */
    void load(String context, int id, String fingerprint, List<SubjectVersion> carriers) {
        IntTable<IdBinding> ids = byContext.computeIfAbsent(context, c -> new IntTable<>());
        ids.remove(id);
        if (!carriers.isEmpty()) {
            IdBinding binding = new IdBinding(Keys.high(fingerprint), Keys.low(fingerprint));
            carriers.forEach(binding::add);
            ids.put(id, binding);
        }
    }

    /** The subject-versions carrying the id, in order of appearance. */
    List<SubjectVersion> carriers(String context, int id) {
        IdBinding binding = binding(context, id);
        return binding == null ? List.of() : binding.members();
    }

    /** Whether the id has carriers and is bound to the content with this fingerprint. */
    boolean boundTo(String context, int id, String fingerprint) {
        IdBinding binding = binding(context, id);
        return binding != null && binding.boundTo(Keys.high(fingerprint), Keys.low(fingerprint));
    }

    /** Whether the id has carriers and is bound to other content than the fingerprint's. */
    boolean boundElsewhere(String context, int id, String fingerprint) {
        IdBinding binding = binding(context, id);
        return binding != null && !binding.boundTo(Keys.high(fingerprint), Keys.low(fingerprint));
    }

    int maxId(String context) {
        return maxIds.getOrDefault(context, 0);
    }
}
