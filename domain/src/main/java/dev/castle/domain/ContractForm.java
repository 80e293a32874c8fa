package dev.castle.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.json.Jackson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The normal form Confluent stores and answers a data contract's {@code metadata} and {@code ruleSet} in (7.4+), and the
 * bytes each adds to the content hash ({@link SchemaFingerprint}).
 *
 * <p>Metadata: {@code tags} (name → sorted, distinct values), {@code properties} (sorted by name) and {@code sensitive}
 * (sorted, distinct), each left out when empty. A rule: {@code name, doc, kind, mode, type, tags, params, expr,
 * onSuccess, onFailure, disabled} in that order, {@code kind} TRANSFORM and {@code mode} WRITEREAD when not given, tags
 * sorted, params sorted by name, empty and absent values left out, {@code disabled} always written. A rule set:
 * {@code migrationRules, domainRules, encodingRules} (each left out when empty) and {@code enableAt}. Two contracts that
 * differ only in order or in empty parts have the same normal form and the same hash, as in Confluent.
 */
public final class ContractForm {
    /** The metadata property Confluent keeps the subject-version number in when a version was asked for. */
    public static final String CONFLUENT_VERSION = "confluent:version";

    private static final ObjectMapper JSON = Jackson.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] RULE_LISTS = {"migrationRules", "domainRules", "encodingRules"};

    private ContractForm() {}

    /** The metadata (compact JSON, or null) in normal form; null stays null. */
    public static String metadata(String raw) {
        return raw == null ? null : normalMetadata(parse(raw)).toString();
    }

    /** The rule set (compact JSON, or null) in normal form; null stays null. */
    public static String ruleSet(String raw) {
        return raw == null ? null : normalRuleSet(parse(raw)).toString();
    }

    /** The metadata's {@code confluent:version} property, or null. */
    public static String confluentVersion(String metadata) {
        if (metadata == null) {
            return null;
        }
        JsonNode version = parse(metadata).path("properties").get(CONFLUENT_VERSION);
        return version == null || version.isNull() ? null : version.asText();
    }

    /** The metadata with {@code confluent:version} set to {@code version} (metadata may be null). */
    public static String withConfluentVersion(String metadata, int version) {
        ObjectNode node = metadata == null ? NODES.objectNode() : (ObjectNode) normalMetadata(parse(metadata));
        ObjectNode properties = node.has("properties") ? (ObjectNode) node.get("properties") : NODES.objectNode();
        properties.put(CONFLUENT_VERSION, String.valueOf(version));
        node.set("properties", properties);
        return normalMetadata(node).toString();
    }

    /** The metadata without {@code confluent:version}; null when nothing else is left of a metadata that had it. */
    public static String withoutConfluentVersion(String metadata) {
        if (metadata == null) {
            return null;
        }
        ObjectNode node = normalMetadata(parse(metadata));
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.has(CONFLUENT_VERSION)) {
            return metadata;
        }
        ((ObjectNode) properties).remove(CONFLUENT_VERSION);
        return normalMetadata(node).toString();
    }

    /** Adds what Confluent's {@code Metadata.updateHash} adds: tag names and values, property names and values, sensitive names. */
    static void hashMetadata(MessageDigest md5, String metadata) {
        ObjectNode node = normalMetadata(parse(metadata));
        node.path("tags").fields().forEachRemaining(tag -> {
            update(md5, tag.getKey());
            tag.getValue().forEach(value -> update(md5, value.asText()));
        });
        node.path("properties").fields().forEachRemaining(property -> {
            update(md5, property.getKey());
            update(md5, property.getValue().asText());
        });
        node.path("sensitive").forEach(name -> update(md5, name.asText()));
    }

    /** Adds what Confluent's {@code RuleSet.updateHash} adds: each rule's fields in order, then {@code enableAt}. */
    static void hashRuleSet(MessageDigest md5, String ruleSet) {
        ObjectNode node = normalRuleSet(parse(ruleSet));
        for (String list : RULE_LISTS) {
            for (JsonNode rule : node.path(list)) {
                for (String field : new String[] {"name", "doc", "kind", "mode", "type"}) {
                    updateIfPresent(md5, rule.get(field));
                }
                rule.path("tags").forEach(tag -> update(md5, tag.asText()));
                rule.path("params").fields().forEachRemaining(param -> {
                    update(md5, param.getKey());
                    update(md5, param.getValue().asText());
                });
                for (String field : new String[] {"expr", "onSuccess", "onFailure"}) {
                    updateIfPresent(md5, rule.get(field));
                }
                if (rule.path("disabled").asBoolean(false)) {
                    md5.update((byte) 1);
                }
            }
        }
        updateIfPresent(md5, node.get("enableAt"));
    }

    static ObjectNode normalMetadata(JsonNode metadata) {
        ObjectNode normal = NODES.objectNode();
        SortedMap<String, SortedSet<String>> tags = new TreeMap<>();
        metadata.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), texts(tag.getValue())));
        if (!tags.isEmpty()) {
            ObjectNode node = normal.putObject("tags");
            tags.forEach((name, values) -> values.forEach(node.putArray(name)::add));
        }
        putSorted(normal, "properties", metadata.path("properties"));
        SortedSet<String> sensitive = texts(metadata.path("sensitive"));
        if (!sensitive.isEmpty()) {
            sensitive.forEach(normal.putArray("sensitive")::add);
        }
        return normal;
    }

    static ObjectNode normalRuleSet(JsonNode ruleSet) {
        ObjectNode normal = NODES.objectNode();
        for (String list : RULE_LISTS) {
            JsonNode rules = ruleSet.path(list);
            if (rules.isArray() && !rules.isEmpty()) {
                ArrayNode node = normal.putArray(list);
                rules.forEach(rule -> node.add(normalRule(rule)));
            }
        }
        putText(normal, "enableAt", ruleSet.get("enableAt"));
        return normal;
    }

    private static ObjectNode normalRule(JsonNode rule) {
        ObjectNode normal = NODES.objectNode();
        JsonNode name = rule.get("name");
        if (name != null && !name.isNull()) {
            normal.put("name", name.asText()); // kept even when empty, so validation can say "Empty rule name"
        }
        putText(normal, "doc", rule.get("doc"));
        normal.put("kind", textOr(rule.get("kind"), "TRANSFORM"));
        normal.put("mode", textOr(rule.get("mode"), "WRITEREAD"));
        putText(normal, "type", rule.get("type"));
        SortedSet<String> tags = texts(rule.path("tags"));
        if (!tags.isEmpty()) {
            tags.forEach(normal.putArray("tags")::add);
        }
        putSorted(normal, "params", rule.path("params"));
        putText(normal, "expr", rule.get("expr"));
        putText(normal, "onSuccess", rule.get("onSuccess"));
        putText(normal, "onFailure", rule.get("onFailure"));
        normal.put("disabled", rule.path("disabled").asBoolean(false));
        return normal;
    }

    private static void putSorted(ObjectNode target, String name, JsonNode map) {
        SortedMap<String, String> sorted = new TreeMap<>();
        map.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isNull()) {
                sorted.put(entry.getKey(), entry.getValue().asText());
            }
        });
        if (!sorted.isEmpty()) {
            ObjectNode node = target.putObject(name);
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                node.put(entry.getKey(), entry.getValue());
            }
        }
    }

    private static SortedSet<String> texts(JsonNode values) {
        SortedSet<String> texts = new TreeSet<>();
        if (values.isArray()) {
            values.forEach(value -> {
                if (!value.isNull()) {
                    texts.add(value.asText());
                }
            });
        } else if (values.isValueNode() && !values.isNull()) {
            texts.add(values.asText());
        }
        return texts;
    }

    private static void putText(ObjectNode target, String name, JsonNode value) {
        if (value != null && !value.isNull() && !value.asText().isEmpty()) {
            target.put(name, value.asText());
        }
    }

    private static String textOr(JsonNode value, String otherwise) {
        return value == null || value.isNull() || value.asText().isEmpty() ? otherwise : value.asText();
    }

    private static void updateIfPresent(MessageDigest md5, JsonNode value) {
        if (value != null && !value.isNull()) {
            update(md5, value.asText());
        }
    }

    private static void update(MessageDigest md5, String text) {
        md5.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node == null || !node.isObject() ? NODES.objectNode() : node;
        } catch (JsonProcessingException e) {
            return NODES.objectNode();
        }
    }
}
