package dev.castle.domain;

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
        return isDefaultContext() ? name : ":" + context + ":" + name;
    }

    /** The context prefix as Confluent prints it in messages: {@code ""} for the default context, else {@code :.ctx:}. */
    public String contextPrefix() {
        return isDefaultContext() ? "" : ":" + context + ":";
    }

    /** The subject name with the given context applied when the name carries none (references inherit contexts). */
    public static String inContext(String subject, String context) {
        if (subject.startsWith(":.") || DEFAULT_CONTEXT.equals(context)) {
            return subject;
        }
        return ":" + context + ":" + subject;
    }
}
