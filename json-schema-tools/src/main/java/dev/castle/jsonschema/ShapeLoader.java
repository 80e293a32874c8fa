package dev.castle.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.jsonschema.Shape.Annotations;
import dev.castle.jsonschema.Shape.Combined;
import dev.castle.jsonschema.Shape.Criterion;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads JSON schema documents into {@link Shape}s the way Confluent's loader does: {@code $ref} wins over its
 * siblings; otherwise {@code enum}, the combinations, {@code not}, {@code const}, the declared {@code type} and the
 * keyword families the type did not claim each give one shape, several of them forming a synthetic {@code allOf}.
 * Each node is read once, so shared and recursive definitions give the same shape.
 */
public final class ShapeLoader {
    private static final List<String> COMBINATIONS = List.of("allOf", "anyOf", "oneOf");

    private final RefResolver resolver;
    private final boolean lenient;
    private final Map<JsonNode, Shape> loaded = new IdentityHashMap<>();
    private final List<Shape.Ref> refs = new ArrayList<>();
    private final TypedShapes typed = new TypedShapes(this);

    /**
     * Loads {@code document}'s root with every {@code $ref} resolved against it and the {@code referenced} documents;
     * with {@code strict} a {@code $ref} that resolves nowhere fails, otherwise it reads as the empty schema (a stored
     * schema must stay readable). The shape never changes afterwards and may be shared between threads.
     */
    public static Shape loadResolved(Document document, List<Document> referenced, boolean strict) {
        ShapeLoader loader = new ShapeLoader(new RefResolver(referenced), !strict);
        Shape shape = loader.load(document.root(), document);
        loader.resolveAll();
        return shape;
    }

    /** With {@code lenient}, a {@code $ref} that cannot be resolved reads as the empty schema instead of failing. */
    ShapeLoader(RefResolver resolver, boolean lenient) {
        this.resolver = resolver;
        this.lenient = lenient;
    }

    Shape load(JsonNode node, Document document) {
        Shape shape = loaded.get(node);
        if (shape == null) {
            shape = read(node, document);
            loaded.put(node, shape);
        }
        return shape;
    }

    /**
     * Resolves every reference met so far and those their targets contain; a dangling one fails unless lenient.
     */
    void resolveAll() {
        for (int i = 0; i < refs.size(); i++) {
            refs.get(i).resolve();
        }
    }

    private Shape read(JsonNode node, Document document) {
        if (node.isBoolean()) {
            return node.booleanValue() ? new Shape.Empty(Annotations.NONE) : new Shape.False(Annotations.NONE);
        }
        if (!node.isObject()) {
            throw new JsonSchemaException("A schema must be an object or a boolean, not " + node);
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            return reference(ref.asText(), document);
        }
        List<Function<Annotations, Shape>> parts = parts(node, document);
        Annotations annotations = annotations(node, document);
        if (parts.isEmpty()) {
            return new Shape.Empty(annotations);
        }
        if (parts.size() == 1) {
            return parts.get(0).apply(annotations);
        }
        List<Shape> subschemas = new ArrayList<>(parts.size());
        for (Function<Annotations, Shape> part : parts) {
            subschemas.add(part.apply(Annotations.NONE));
        }
        return new Combined(annotations, Criterion.ALL_OF, subschemas);
    }

    private Shape reference(String target, Document document) {
        Shape.Ref ref = new Shape.Ref(target, () -> target(target, document));
        refs.add(ref);
        return ref;
    }

    private Shape target(String ref, Document document) {
        try {
            RefResolver.Target target = resolver.resolve(ref, document);
            return load(target.node(), target.document());
        } catch (JsonSchemaException e) {
            if (lenient) {
                return new Shape.Empty(Annotations.NONE);
            }
            throw e;
        }
    }

    private List<Function<Annotations, Shape>> parts(JsonNode node, Document document) {
        List<Function<Annotations, Shape>> parts = new ArrayList<>(2);
        JsonNode values = node.get("enum");
        if (values != null && values.isArray()) {
            Set<JsonNode> possible = new LinkedHashSet<>();
            values.forEach(possible::add);
            parts.add(annotations -> new Shape.Enum(annotations, possible));
        }
        combinations(node, document, parts);
        if (node.has("not")) {
            Shape mustNotMatch = load(node.get("not"), document);
            parts.add(annotations -> new Shape.Not(annotations, mustNotMatch));
        }
        if (node.has("const") && document.draft() != Draft.DRAFT_4) {
            JsonNode value = node.get("const");
            parts.add(annotations -> new Shape.Const(annotations, value));
        }
        typed.add(node, document, parts);
        return parts;
    }

    private void combinations(JsonNode node, Document document, List<Function<Annotations, Shape>> parts) {
        List<Shape> combined = new ArrayList<>(1);
        for (Criterion criterion : Criterion.values()) {
            JsonNode subschemas = node.get(criterion.keyword());
            if (subschemas != null && subschemas.isArray()) {
                combined.add(new Combined(Annotations.NONE, criterion, distinct(subschemas, document)));
            }
        }
        if (combined.size() == 1) {
            Combined only = (Combined) combined.get(0);
            parts.add(annotations -> new Combined(annotations, only.criterion(), only.subschemas()));
        } else if (combined.size() > 1) {
            parts.add(annotations -> new Combined(annotations, Criterion.ALL_OF, combined));
        }
    }

    /** The subschemas of a combination, each distinct one once, as Confluent keeps them in a set. */
    private List<Shape> distinct(JsonNode subschemas, Document document) {
        List<JsonNode> seen = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Iterator<JsonNode> elements = subschemas.elements(); elements.hasNext(); ) {
            JsonNode subschema = elements.next();
            if (!seen.contains(subschema)) {
                seen.add(subschema);
                shapes.add(load(subschema, document));
            }
        }
        return shapes;
    }

    private static Annotations annotations(JsonNode node, Document document) {
        return new Annotations(
                text(node, document.idKeyword()),
                text(node, "title"),
                text(node, "description"),
                node.get("default"),
                text(node, "connect.type"));
    }

    private static String text(JsonNode node, String keyword) {
        JsonNode value = node.get(keyword);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
