package dev.castle.server.http;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites {@code /contexts/{ctx}/...} paths onto the unprefixed routes before routing (spec §8.4): subject segments get
 * {@code :.ctx:} prepended, context-level config and mode address {@code :.ctx:}, and listings and id lookups are
 * narrowed to the context with {@code subjectPrefix} or {@code subject}.
 */
public final class ContextPrefix {
    private static final String PREFIX = "/contexts/";
    private static final Pattern CONTEXT = Pattern.compile("\\.?[A-Za-z0-9_\\-.]+");

    /** The path and query string to route instead. */
    public record Target(String path, String query) {}

    private ContextPrefix() {}

    /** The rewritten target for a raw (still percent-encoded) path, or empty when the path has no context prefix. */
    public static Optional<Target> rewrite(String path, String query) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        String context = qualifier(rest.substring(0, slash));
        String tail = rest.substring(slash + 1);
        return Optional.of(target(context, tail, query));
    }

    private static Target target(String qualifier, String tail, String query) {
        String[] segments = tail.split("/", -1);
        String head = segments[0];
        if ((head.equals("subjects") || head.equals("config") || head.equals("mode")) && segments.length == 1) {
            return head.equals("subjects")
                    ? new Target("/subjects", withParameter(query, "subjectPrefix", qualifier))
                    : new Target("/" + head + "/" + qualifier, query);
        }
        if (head.equals("subjects") || head.equals("config") || head.equals("mode")) {
            segments[1] = qualify(qualifier, segments[1]);
        } else if (head.equals("compatibility") && segments.length > 2 && segments[1].equals("subjects")) {
            segments[2] = qualify(qualifier, segments[2]);
        } else if (head.equals("schemas") && segments.length == 1) {
            return new Target("/schemas", withParameter(query, "subjectPrefix", qualifier));
        } else if (head.equals("schemas")) {
            return new Target("/" + tail, withParameter(query, "subject", qualifier));
        }
        return new Target("/" + String.join("/", segments), query);
    }

    /** {@code .ctx} or {@code ctx} → {@code :.ctx:}; anything that is not a context name is 400. */
    private static String qualifier(String context) {
        if (!CONTEXT.matcher(context).matches()) {
            throw RegistryException.withMessage(ErrorCode.BAD_REQUEST, "Invalid context '" + context + "'");
        }
        return QualifiedSubject.prefixOf(context.startsWith(".") ? context : "." + context);
    }

    private static String qualify(String qualifier, String subject) {
        return subject.startsWith(":") || subject.startsWith("%3A") || subject.startsWith("%3a")
                ? subject
                : qualifier + subject;
    }

    private static String withParameter(String query, String name, String value) {
        if (query != null && (query.startsWith(name + "=") || query.contains("&" + name + "="))) {
            return query;
        }
        String parameter = name + "=" + value;
        return query == null || query.isEmpty() ? parameter : query + "&" + parameter;
    }
}
