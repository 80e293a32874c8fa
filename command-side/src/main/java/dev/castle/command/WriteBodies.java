package dev.castle.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.json.RequestBodies;
import java.io.IOException;
import java.util.List;

/** The bodies of {@code PUT /config} and {@code PUT /mode} (spec §2.5–2.6), in Confluent's request vocabulary. */
final class WriteBodies {
    /** Config properties Castle keeps verbatim without interpreting them. */
    private static final List<String> KEPT_AS_IS =
            List.of("defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet");

    private WriteBodies() {}

    /** {@code {"compatibility":"FULL", "normalize":true, ...}}; an invalid level is 42203. */
    static ConfigValue config(byte[] body) throws IOException {
        JsonNode tree = object(RequestBodies.tree(body));
        JsonNode level = tree.get("compatibility");
        CompatibilityLevel compatibility =
                level == null || level.isNull() ? null : CompatibilityLevel.fromName(level.asText());
        return new ConfigValue(
                text(tree, "alias"),
                bool(tree, "normalize"),
                bool(tree, "validateFields"),
                bool(tree, "validateRules"),
                compatibility,
                text(tree, "compatibilityGroup"),
                kept(tree));
    }

    /** A mode body: the mode (null clears it) and its text as the client sent it, which Confluent echoes. */
    record ModeBody(Mode mode, String asSent) {}

    /** {@code {"mode":"IMPORT"}}; null (or absent) clears the mode, an unknown name is 42204. */
    static ModeBody mode(byte[] body) throws IOException {
        JsonNode mode = object(RequestBodies.tree(body)).get("mode");
        if (mode == null || mode.isNull()) {
            return new ModeBody(null, null);
        }
        return new ModeBody(Mode.fromName(mode.asText()), mode.asText());
    }

    private static JsonNode object(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw RegistryException.withMessage(ErrorCode.BAD_REQUEST, "Request body must be a JSON object");
        }
        return tree;
    }

    private static String text(JsonNode tree, String name) {
        JsonNode node = tree.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Boolean bool(JsonNode tree, String name) {
        JsonNode node = tree.get(name);
        return node == null || node.isNull() ? null : node.asBoolean();
    }

    private static String kept(JsonNode tree) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String name : KEPT_AS_IS) {
            JsonNode node = tree.get(name);
            if (node != null && !node.isNull()) {
                kept.set(name, node);
            }
        }
        return kept.isEmpty() ? null : kept.toString();
    }
}
