package dev.castle.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;

/** One JSON document holding schemas: the schema being parsed or one it references, with its draft and base URI. */
public record Document(String name, JsonNode root, Draft draft, URI base) {

    /** The document named {@code name} (a reference name; null for the schema itself) with root {@code root}. */
    public static Document of(String name, JsonNode root) {
        Draft draft = Draft.of(root);
        return new Document(name, root, draft, baseUri(root, draft));
    }

    /** The keyword naming a schema's identifier in this document's draft. */
    String idKeyword() {
        return draft == Draft.DRAFT_4 ? "id" : "$id";
    }

    /** {@code reference} resolved against this document's {@code $id}; {@code reference} itself without one. */
    String resolve(String reference) {
        if (base == null) {
            return reference;
        }
        try {
            return base.resolve(new URI(reference)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return reference;
        }
    }

    /** True when this document is the one {@code location} (a reference without fragment) names. */
    boolean isNamedBy(String location) {
        return location.equals(name)
                || (base != null && stripFragment(base.toString()).equals(location));
    }

    private static URI baseUri(JsonNode root, Draft draft) {
        JsonNode id = root.isObject() ? root.get(draft == Draft.DRAFT_4 ? "id" : "$id") : null;
        if (id == null || !id.isTextual()) {
            return null;
        }
        try {
            return new URI(stripFragment(id.asText()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
