package dev.castle.server.http;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites {@code /contexts/{ctx}/...} paths onto the unprefixed routes before routing (spec §8.4), by Confluent's
 * rules rather than a table of routes: the path segment after any {@code subjects} segment, or after a root
 * {@code config} or {@code mode}, is a subject and gets {@code :.ctx:} prepended unless it names a context already; a
 * root {@code config} or {@code mode} without a subject addresses the context level {@code :.ctx:}; and the query
 * narrows to the context where a route takes it there — {@code subject} of {@code /schemas/ids/...},
 * {@code subjectPrefix} of the {@code /schemas} and {@code /subjects} listings, and {@code context} of the association
 * writes.
 */
public final class ContextPrefix {
    private static final String PREFIX = "/contexts/";
    private static final Pattern CONTEXT = Pattern.compile("\\.?[A-Za-z0-9_\\-.]+");

    /** The path and query string to route instead. */
    public record Target(String path, String query) {}

    private ContextPrefix() {}

    /** The rewritten target for a raw (still percent-encoded) path, or empty when the path has no context prefix. */
    public static Optional<Target> rewrite(String method, String path, String query) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        String qualifier = qualifier(rest.substring(0, slash));
        String[] segments = rest.substring(slash + 1).split("/", -1);
        String rewritten = "/" + String.join("/", qualifySubjects(qualifier, segments));
        return Optional.of(new Target(rewritten, narrow(method, rewritten, qualifier, query)));
    }

    private static List<String> qualifySubjects(String qualifier, String[] segments) {
        List<String> path = new ArrayList<>(segments.length + 1);
        boolean rootSetting = segments[0].equals("config") || segments[0].equals("mode");
        boolean subjectNext = false;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (subjectNext) {
                path.add(qualified(segment) ? segment : qualifier + segment);
                subjectNext = false;
            } else {
                path.add(segment);
                subjectNext = segment.equals("subjects") || (i == 0 && rootSetting);
            }
        }
        if (rootSetting && subjectNext) {
            path.add(qualifier);
        }
        return path;
    }

    private static String narrow(String method, String path, String qualifier, String query) {
        if (path.startsWith("/schemas/ids")) {
            return qualifyParameter(query, "subject", qualifier);
        }
        if (path.equals("/schemas") || path.equals("/subjects")) {
            return qualifyParameter(query, "subjectPrefix", qualifier);
        }
        if (path.startsWith("/associations") && ("POST".equals(method) || "PUT".equals(method))) {
            return replaceParameter(query, "context", qualifier);
        }
        return query;
    }

    /** {@code .ctx} or {@code ctx} → {@code :.ctx:}; anything that is not a context name is 400. */
    private static String qualifier(String context) {
        if (!CONTEXT.matcher(context).matches()) {
            throw RegistryException.withMessage(ErrorCode.BAD_REQUEST, "Invalid context '" + context + "'");
        }
        return QualifiedSubject.prefixOf(context.startsWith(".") ? context : "." + context);
    }

    /** Whether a raw (percent-encoded) subject or prefix names a context, or all of them, already. */
    private static boolean qualified(String raw) {
        String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.startsWith(":.") || decoded.startsWith(QualifiedSubject.WILDCARD);
    }

    /** Every value of the parameter qualified with the context unless it names one; the bare qualifier if absent. */
    private static String qualifyParameter(String query, String name, String qualifier) {
        List<String> parameters = parameters(query);
        boolean found = false;
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i);
            if (parameter.startsWith(name + "=")) {
                found = true;
                String value = parameter.substring(name.length() + 1);
                if (!qualified(value)) {
                    parameters.set(i, name + "=" + qualifier + value);
                }
            }
        }
        if (!found) {
            parameters.add(name + "=" + qualifier);
        }
        return String.join("&", parameters);
    }

    private static String replaceParameter(String query, String name, String value) {
        List<String> parameters = parameters(query);
        parameters.removeIf(parameter -> parameter.equals(name) || parameter.startsWith(name + "="));
        parameters.add(name + "=" + value);
        return String.join("&", parameters);
    }

    private static List<String> parameters(String query) {
        List<String> parameters = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            parameters.addAll(List.of(query.split("&")));
        }
        return parameters;
    }
}
