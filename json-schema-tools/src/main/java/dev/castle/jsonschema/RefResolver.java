package dev.castle.jsonschema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Finds the schema a {@code $ref} points at: a JSON pointer or anchor in the same document, or in a referenced
 * document named by the reference's {@code name} (possibly relative to the referring document's {@code $id}).
 */
final class RefResolver {

    /** The node a reference designates and the document it lives in. */
    record Target(JsonNode node, Document document) {}

    private final List<Document> referenced;

    RefResolver(List<Document> referenced) {
        this.referenced = List.copyOf(referenced);
    }

    Target resolve(String ref, Document from) {
        int hash = ref.indexOf('#');
        String location = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        Document document = location.isEmpty() ? from : document(location, from);
        JsonNode node = locate(document.root(), fragment);
        if (node == null || node.isMissingNode()) {
            throw new JsonSchemaException("Could not resolve $ref '" + ref + "' in " + describe(document));
        }
        return new Target(node, document);
    }

    private Document document(String location, Document from) {
        String absolute = from.resolve(location);
        for (Document candidate : referenced) {
            if (candidate.isNamedBy(location) || candidate.isNamedBy(absolute)) {
                return candidate;
            }
        }
        if (from.isNamedBy(absolute)) {
            return from;
        }
        throw new JsonSchemaException(
                "Could not resolve $ref to '" + location + "': no schema reference has that name");
    }

    private static JsonNode locate(JsonNode root, String fragment) {
        String decoded = percentDecode(fragment);
        if (decoded.isEmpty()) {
            return root;
        }
        if (decoded.startsWith("/")) {
            try {
                return root.at(JsonPointer.compile(decoded));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return anchor(root, decoded);
    }

    private static JsonNode anchor(JsonNode node, String name) {
        if (node.isObject()) {
            if (name.equals(node.path("$anchor").asText(null))
                    || ("#" + name).equals(node.path("$id").asText(null))
                    || ("#" + name).equals(node.path("id").asText(null))) {
                return node;
            }
        }
        if (node.isContainerNode()) {
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                JsonNode found = anchor(children.next(), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    private static String describe(Document document) {
        return document.name() == null ? "the schema" : "reference '" + document.name() + "'";
    }
}
