package dev.castle.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A subject name split into its context and name (spec §8.4): {@code :.ctx:orders} is context {@code .ctx}, name
 * {@code orders}; an unqualified subject and {@code :.:orders} live in the default context {@code "."}. A bare context
 * such as {@code :.ctx:} has an empty name and addresses the context level (config, mode, CLEAR_SUBJECT).
 */
public record QualifiedSubject(String context, String name) {
    public static final String DEFAULT_CONTEXT = ".";
    public static final String WILDCARD = ":*:";

    public static QualifiedSubject parse(String subject) {
        if (subject != null && subject.startsWith(":.")) {
            int end = subject.indexOf(':', 2);
            if (end > 0) {
                String context = subject.substring(1, end);
                return new QualifiedSubject(context, subject.substring(end + 1));
            }
        }
        return new QualifiedSubject(DEFAULT_CONTEXT, subject == null ? "" : subject);
    }

    public boolean isDefaultContext() {
        return DEFAULT_CONTEXT.equals(context);
    }

    /** True when this addresses a context itself rather than a subject in it. */
    public boolean isContextLevel() {
        return name.isEmpty();
    }

    /** The stored form: the name alone in the default context, {@code :.ctx:name} otherwise. */
    public String qualified() {
        return isDefaultContext() ? name : prefixOf(context) + name;
    }

    /** The context prefix as Confluent prints it in messages: {@code ""} for the default context, else {@code :.ctx:}. */
    public String contextPrefix() {
        return isDefaultContext() ? "" : prefixOf(context);
    }

    /** The prefix that puts a name in the context: {@code :.ctx:} for {@code .ctx}, {@code :.:} for the default one. */
    public static String prefixOf(String context) {
        return ":" + context + ":";
    }

    /**
     * The stored names among sorted {@code names} a subject or context level addresses (a CLEAR_SUBJECT, a config or
     * mode level): the subject itself when present, or every name of a bare context.
     */
    public static List<String> matching(String subject, SortedSet<String> names) {
        QualifiedSubject qualified = parse(subject);
        if (!qualified.isContextLevel()) {
            return names.contains(subject) ? List.of(subject) : List.of();
        }
        return within(qualified.context(), names);
    }

    /** The stored names among sorted {@code names} that are in the context. */
    public static List<String> within(String context, SortedSet<String> names) {
        if (!DEFAULT_CONTEXT.equals(context)) {
            String prefix = prefixOf(context);
            // every name of the context sorts between ":ctx:" and ":ctx;" (';' follows ':')
            return List.copyOf(names.subSet(prefix, prefix.substring(0, prefix.length() - 1) + ';'));
        }
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (parse(name).isDefaultContext()) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * Spec §8.4: where a read of this subject that found nothing looks next, in order — the same name in each of the
     * {@code contexts} other than the default one — or nowhere when the subject names a context other than the default
     * one, or names no subject.
     */
    public List<String> fallbacks(Iterable<String> contexts) {
        List<String> candidates = new ArrayList<>();
        if (isDefaultContext() && !isContextLevel()) {
            for (String other : contexts) {
                if (!DEFAULT_CONTEXT.equals(other)) {
                    candidates.add(prefixOf(other) + name);
                }
            }
        }
        return candidates;
    }

    /** The subject name with the given context applied when the name carries none (references inherit contexts). */
    public static String inContext(String subject, String context) {
        if (subject.startsWith(":.") || DEFAULT_CONTEXT.equals(context)) {
            return subject;
        }
        return prefixOf(context) + subject;
    }
}
