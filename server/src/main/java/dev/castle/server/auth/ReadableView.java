package dev.castle.server.auth;

import dev.castle.domain.Association;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The registry as one user may read it: subjects the user may not read do not exist, nor do ids that only such
 * subjects carry. Every read route answers from this view, so a hidden subject or id answers exactly as a missing one
 * (same status, code and message, the same catch-up before "not found"), and listings, id lookups and context lists
 * leave hidden subjects out before they are paged. One view serves one request: each subject's verdict is kept.
 */
final class ReadableView implements RegistryView {
    private final RegistryView view;
    private final Predicate<String> mayRead;
    private final Map<String, Boolean> verdicts = new HashMap<>();
    private SortedSet<String> subjects;

    ReadableView(RegistryView view, Predicate<String> mayRead) {
        this.view = view;
        this.mayRead = mayRead;
    }

    private boolean readable(String subject) {
        return verdicts.computeIfAbsent(subject, mayRead::test);
    }

    /** Global ({@code null}) and context levels are not subjects; only subject levels are hidden. */
    private boolean readableLevel(String subject) {
        return subject == null || QualifiedSubject.parse(subject).isContextLevel() || readable(subject);
    }

    @Override
    public long appliedOffset() {
        return view.appliedOffset();
    }

    @Override
    public List<SchemaVersion> versions(String subject) {
        return readable(subject) ? view.versions(subject) : List.of();
    }

    @Override
    public Optional<SchemaVersion> version(String subject, int version) {
        return readable(subject) ? view.version(subject, version) : Optional.empty();
    }

    @Override
    public SortedSet<String> subjects() {
        if (subjects == null) {
            SortedSet<String> readableSubjects = new TreeSet<>();
            for (String subject : view.subjects()) {
                if (readable(subject)) {
                    readableSubjects.add(subject);
                }
            }
            subjects = Collections.unmodifiableSortedSet(readableSubjects);
        }
        return subjects;
    }

    @Override
    public List<SchemaVersion> versionsById(String context, int id) {
        return view.versionsById(context, id).stream()
                .filter(version -> readable(version.subject()))
                .toList();
    }

    @Override
    public int maxId(String context) {
        return view.maxId(context);
    }

    @Override
    public OptionalInt idByFingerprint(String context, String fingerprint) {
        OptionalInt id = view.idByFingerprint(context, fingerprint);
        return id.isPresent() && versionsById(context, id.getAsInt()).isEmpty() ? OptionalInt.empty() : id;
    }

    @Override
    public SortedSet<Integer> referencedBy(String subject, int version) {
        return readable(subject) ? view.referencedBy(subject, version) : Collections.emptySortedSet();
    }

    @Override
    public Optional<ConfigValue> config(String subject) {
        return readableLevel(subject) ? view.config(subject) : Optional.empty();
    }

    @Override
    public Optional<Mode> mode(String subject) {
        return readableLevel(subject) ? view.mode(subject) : Optional.empty();
    }

    /** The default context, and the others where the user may read some subject, in the view's order. */
    @Override
    public SortedSet<String> contexts() {
        Set<String> withReadableSubjects = new HashSet<>();
        for (String subject : subjects()) {
            withReadableSubjects.add(QualifiedSubject.parse(subject).context());
        }
        SortedSet<String> contexts = new TreeSet<>(view.contexts());
        contexts.removeIf(context ->
                !QualifiedSubject.DEFAULT_CONTEXT.equals(context) && !withReadableSubjects.contains(context));
        return Collections.unmodifiableSortedSet(contexts);
    }

    @Override
    public List<Association> associationsBySubject(String subject) {
        return readable(subject) ? view.associationsBySubject(subject) : List.of();
    }

    @Override
    public List<Association> associationsByResourceId(String resourceId) {
        return readableOnly(view.associationsByResourceId(resourceId));
    }

    @Override
    public List<Association> associations() {
        return readableOnly(view.associations());
    }

    private List<Association> readableOnly(List<Association> associations) {
        return associations.stream().filter(a -> readable(a.subject())).toList();
    }
}
