package dev.castle.domain.format.avro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads schema JSON the way Avro 1.11's parser resolves names, and only that: definitions are recorded in reading
 * order with their namespaces, and the first use of a name not defined by then is reported in 1.11's words. A walk
 * that meets anything it cannot read the way 1.11 does gives up ({@link Unreadable}), leaving the error to Avro.
 */
final class NameWalk {
    /** The first name error, with Avro 1.11's message. */
    static final class Found extends RuntimeException {
        Found(String message) {
            super(message, null, false, false);
        }
    }

    /** Something other than a name makes the schema invalid; Avro's own message stands. */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private static final Set<String> PRIMITIVES =
            Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

    private final Set<String> defined = new HashSet<>();
    /** The default namespace where the walk is, null for none. */
    private String space;

    /** Walks one top-level schema; names it defines stay defined for the next (references come first). */
    void schema(JsonNode node) {
        if (node == null) {
            throw new Unreadable();
        } else if (node.isTextual()) {
            if (!isDefined(node.textValue())) {
                throw new Found("Undefined name: " + node);
            }
        } else if (node.isObject()) {
            object(node);
        } else if (node.isArray()) {
            for (JsonNode branch : node) {
                schema(branch);
            }
        } else {
            throw new Unreadable();
        }
    }

    private void object(JsonNode node) {
        String type = required(node, "type");
        String saved = space;
        boolean record = type.equals("record") || type.equals("error");
        String full = null;
        if (record || type.equals("enum") || type.equals("fixed")) {
            String namespace = node.path("namespace").textValue();
            Name name = Name.of(required(node, "name"), namespace == null ? saved : namespace);
            space = name.space();
            full = name.full();
        }
        if (PRIMITIVES.contains(type)) {
            // nothing to resolve
        } else if (record) {
            define(full);
            fields(node.get("fields"));
        } else if (type.equals("enum")) {
            expect(node.path("symbols").isArray());
            define(full);
        } else if (type.equals("fixed")) {
            expect(node.path("size").isInt());
            define(full);
        } else if (type.equals("array") || type.equals("map")) {
            JsonNode nested = node.get(type.equals("array") ? "items" : "values");
            expect(nested != null);
            schema(nested);
        } else if (!defined.contains(Name.of(type, space).full())) {
            throw new Found("Type not supported: " + type);
        }
        space = saved;
    }

    private void fields(JsonNode fields) {
        expect(fields != null && fields.isArray());
        for (JsonNode field : fields) {
            String name = required(field, "name");
            JsonNode type = field.get("type");
            expect(type != null);
            if (type.isTextual() && !isDefined(type.textValue())) {
                throw new Found(type + " is not a defined name. The type of the \"" + name
                        + "\" field must be a defined name or a {\"type\": ...} expression.");
            }
            schema(type);
        }
    }

    /** Whether a name resolves: a primitive, or defined in the default namespace, or defined without one. */
    private boolean isDefined(String name) {
        if (PRIMITIVES.contains(name)) {
            return true;
        }
        return defined.contains(Name.of(name, space).full())
                || defined.contains(Name.of(name, null).full());
    }

    private void define(String full) {
        expect(!PRIMITIVES.contains(full) && defined.add(full));
    }

    private static String required(JsonNode node, String property) {
        String text = node.path(property).textValue();
        expect(text != null);
        return text;
    }

    private static void expect(boolean readable) {
        if (!readable) {
            throw new Unreadable();
        }
    }

    /** A name as 1.11 builds one: a dotted name carries its own namespace; only the last part is checked. */
    private record Name(String space, String full) {
        static Name of(String name, String defaultSpace) {
            int lastDot = name.lastIndexOf('.');
            String simple = checked(lastDot < 0 ? name : name.substring(lastDot + 1));
            String space = lastDot < 0 ? defaultSpace : name.substring(0, lastDot);
            if (space != null && space.isEmpty()) {
                space = null;
            }
            return new Name(space, space == null ? simple : space + "." + simple);
        }

        private static String checked(String name) {
            if (name.isEmpty()) {
                throw new Found("Empty name");
            }
            char first = name.charAt(0);
            if (!(Character.isLetter(first) || first == '_')) {
                throw new Found("Illegal initial character: " + name);
            }
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    throw new Found("Illegal character in: " + name);
                }
            }
            return name;
        }
    }
}
