package dev.castle.server.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.json.Jackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A {@code _schemas} key in Confluent's byte form (spec §5.2): compact, properties in the order {@code keytype,
 * subject, tenant, context, version, magic}, a null subject left out. Compaction compares keys as bytes, so keys that
 * a backup kept in another form are rewritten before they go back. A key with other properties, or not a JSON object
 * with a {@code keytype}, is left as it is.
 */
final class CanonicalKey {
    private static final ObjectMapper JSON = Jackson.MAPPER;
    private static final List<String> ORDER = List.of("keytype", "subject", "tenant", "context", "version", "magic");
    private static final Set<String> KNOWN = Set.copyOf(ORDER);

    private CanonicalKey() {}

    static byte[] of(byte[] key) {
        if (key == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(key);
        } catch (IOException e) {
            return key;
        }
        if (tree == null || !tree.isObject() || !tree.path("keytype").isTextual() || hasUnknown(tree)) {
            return key;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (String name : ORDER) {
                JsonNode value = tree.get(name);
                if (value != null && !value.isNull()) {
                    json.writeFieldName(name);
                    JSON.writeTree(json, value);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            return key;
        }
        return out.toByteArray();
    }

    private static boolean hasUnknown(JsonNode tree) {
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            if (!KNOWN.contains(names.next())) {
                return true;
            }
        }
        return false;
    }
}
