package dev.castle.domain.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ContractForm;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.Jackson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The data contract (metadata and rule set, Confluent 7.4+) a new version is stored with: the request's own, else the
 * previous version's, laid over the config's {@code defaultMetadata}/{@code defaultRuleSet} and under its
 * {@code overrideMetadata}/{@code overrideRuleSet}. Metadata merges property by property, tag by tag and sensitive name
 * by name; rule sets merge rule by rule name. Values are raw compact JSON, as {@link SchemaVersion} holds them.
 */
final class DataContracts {
    static final String DEFAULT_METADATA = "defaultMetadata";
    static final String OVERRIDE_METADATA = "overrideMetadata";
    static final String DEFAULT_RULE_SET = "defaultRuleSet";
    static final String OVERRIDE_RULE_SET = "overrideRuleSet";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DataContracts() {}

    /** Metadata and rule set as raw JSON; either may be null. */
    record Contract(String metadata, String ruleSet) {
        boolean isEmpty() {
            return metadata == null && ruleSet == null;
        }
    }

    /** The contract to store: the sent one (or {@code previous}'s where not sent) merged with the config in scope. */
    static Contract merged(Optional<ConfigValue> config, Contract sent, SchemaVersion previous) {
        String metadata = sent.metadata() != null || previous == null ? sent.metadata() : previous.metadata();
        String ruleSet = sent.ruleSet() != null || previous == null ? sent.ruleSet() : previous.ruleSet();
        JsonNode settings = config.map(ConfigValue::other).map(Jackson::stored).orElse(NODES.objectNode());
        String withDefaults = mergeMetadata(stored(settings, DEFAULT_METADATA), metadata);
        String withDefaultRules = mergeRuleSets(stored(settings, DEFAULT_RULE_SET), ruleSet);
        return new Contract(
                mergeMetadata(withDefaults, stored(settings, OVERRIDE_METADATA)),
                mergeRuleSets(withDefaultRules, stored(settings, OVERRIDE_RULE_SET)));
    }

    /** True when the config sets any default or override (Confluent's {@code hasDefaultsOrOverrides}). */
    static boolean hasDefaultsOrOverrides(Optional<ConfigValue> config) {
        JsonNode settings = config.map(ConfigValue::other).map(Jackson::stored).orElse(null);
        return settings != null
                && Stream.of(DEFAULT_METADATA, OVERRIDE_METADATA, DEFAULT_RULE_SET, OVERRIDE_RULE_SET)
                        .anyMatch(settings::hasNonNull);
    }

    /** {@code update}'s properties and tags replace {@code old}'s of the same key; sensitive names add up. */
    static String mergeMetadata(String old, String update) {
        if (old == null || update == null) {
            return old == null ? update : old;
        }
        JsonNode before = Jackson.stored(old);
        JsonNode after = Jackson.stored(update);
        ObjectNode merged = NODES.objectNode();
        putIfNotEmpty(merged, "tags", tags(before, after));
        putIfNotEmpty(merged, "properties", properties(before, after));
        putIfNotEmpty(merged, "sensitive", sorted(before.path("sensitive"), after.path("sensitive")));
        return ContractForm.metadata(merged.toString());
    }

    /** {@code update}'s rules follow {@code old}'s, which are dropped where {@code update} has a rule of that name. */
    static String mergeRuleSets(String old, String update) {
        if (old == null || update == null) {
            return old == null ? update : old;
        }
        JsonNode before = Jackson.stored(old);
        JsonNode after = Jackson.stored(update);
        ObjectNode merged = NODES.objectNode();
        for (String list : List.of("migrationRules", "domainRules", "encodingRules")) {
            putIfNotEmpty(merged, list, rules(before.path(list), after.path(list)));
        }
        JsonNode enableAt = after.hasNonNull("enableAt") ? after.get("enableAt") : before.get("enableAt");
        if (enableAt != null && !enableAt.isNull()) {
            merged.set("enableAt", enableAt);
        }
        return ContractForm.ruleSet(merged.toString());
    }

    private static String stored(JsonNode settings, String name) {
        JsonNode value = settings.get(name);
        return value == null || value.isNull() ? null : value.toString();
    }

    private static ObjectNode tags(JsonNode before, JsonNode after) {
        Map<String, JsonNode> tags = new TreeMap<>();
        Stream.of(before, after).forEach(side -> side.path("tags").fields().forEachRemaining(tag -> {
            tags.put(tag.getKey(), sorted(tag.getValue(), NODES.missingNode()));
        }));
        ObjectNode node = NODES.objectNode();
        tags.forEach(node::set);
        return node;
    }

    private static ObjectNode properties(JsonNode before, JsonNode after) {
        Map<String, JsonNode> properties = new TreeMap<>();
        Stream.of(before, after).forEach(side -> side.path("properties")
                .fields()
                .forEachRemaining(property -> properties.put(property.getKey(), property.getValue())));
        ObjectNode node = NODES.objectNode();
        properties.forEach(node::set);
        return node;
    }

    private static ArrayNode sorted(JsonNode first, JsonNode second) {
        Set<String> names = new TreeSet<>();
        Stream.of(first, second).forEach(side -> side.forEach(name -> names.add(name.asText())));
        ArrayNode node = NODES.arrayNode();
        names.forEach(node::add);
        return node;
    }

    private static ArrayNode rules(JsonNode before, JsonNode after) {
        if (before.isEmpty() || after.isEmpty()) {
            return before.isEmpty() ? copy(after) : copy(before);
        }
        Set<String> replaced = new LinkedHashSet<>();
        after.forEach(rule -> replaced.add(rule.path("name").asText(null)));
        List<JsonNode> rules = new ArrayList<>();
        before.forEach(rule -> {
            if (!replaced.contains(rule.path("name").asText(null))) {
                rules.add(rule);
            }
        });
        after.forEach(rules::add);
        ArrayNode node = NODES.arrayNode();
        rules.forEach(node::add);
        return node;
    }

    private static ArrayNode copy(JsonNode rules) {
        ArrayNode node = NODES.arrayNode();
        for (Iterator<JsonNode> it = rules.elements(); it.hasNext(); ) {
            node.add(it.next());
        }
        return node;
    }

    private static void putIfNotEmpty(ObjectNode target, String name, JsonNode value) {
        if (!value.isEmpty()) {
            target.set(name, value);
        }
    }
}
