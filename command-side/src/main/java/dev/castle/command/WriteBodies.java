package dev.castle.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.json.RequestBodies;
import java.io.IOException;

/** The bodies of {@code PUT /config} and {@code PUT /mode} (spec §2.5–2.6), in Confluent's request vocabulary. */
final class WriteBodies {
    private WriteBodies() {}

    /** {@code {"compatibility":"FULL", "normalize":true, ...}}; an invalid level is 42203. */
    static ConfigValue config(byte[] body) throws IOException {
        RequestBodies.ConfigBody config = RequestBodies.config(body);
        CompatibilityLevel compatibility =
                config.compatibility() == null ? null : CompatibilityLevel.fromName(config.compatibility());
        return new ConfigValue(
                config.alias(),
                config.normalize(),
                config.validateFields(),
                config.validateRules(),
                compatibility,
                config.compatibilityGroup(),
                kept(config));
    }

    /** A mode body: the mode (null clears it) and its text as the client sent it, which Confluent echoes. */
    record ModeBody(Mode mode, String asSent) {}

    /** {@code {"mode":"IMPORT"}} (or {@code "IMPORT"}); null (or absent) clears the mode, an unknown name is 42204. */
    static ModeBody mode(byte[] body) throws IOException {
        String mode = RequestBodies.mode(body).mode();
        return mode == null ? new ModeBody(null, null) : new ModeBody(Mode.fromName(mode), mode);
    }

    /** The config properties Castle keeps verbatim without interpreting them, in Confluent's order. */
    private static String kept(RequestBodies.ConfigBody config) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        keep(kept, "defaultMetadata", config.defaultMetadata());
        keep(kept, "overrideMetadata", config.overrideMetadata());
        keep(kept, "defaultRuleSet", config.defaultRuleSet());
        keep(kept, "overrideRuleSet", config.overrideRuleSet());
        return kept.isEmpty() ? null : kept.toString();
    }

    private static void keep(ObjectNode kept, String name, JsonNode node) {
        if (node != null && !node.isNull()) {
            kept.set(name, node);
        }
    }
}
