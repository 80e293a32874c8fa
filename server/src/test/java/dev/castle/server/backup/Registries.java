package dev.castle.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.server.Castle;
import dev.castle.server.CastleConfig;
import dev.castle.testing.TestKafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Castle nodes on the shared test broker for the tools' tests, a registry filled with every kind of record, and a
 * snapshot of everything the registry answers. */
final class Registries {
    static final ObjectMapper JSON = new ObjectMapper();

    private Registries() {}

    /** A unique topic name. */
    static String topic(String hint) {
        return "_schemas_" + hint + "_" + System.nanoTime();
    }

    /** The configuration of a node (and of the tools) on {@code topic}. */
    static Map<String, String> config(String topic) {
        Map<String, String> values = new HashMap<>();
        values.put(CastleConfig.BOOTSTRAP_SERVERS, TestKafka.bootstrapServers());
        values.put(CastleConfig.TOPIC, topic);
        values.put(CastleConfig.TOPIC_REPLICATION_FACTOR, "1");
        values.put(CastleConfig.LISTENERS, "http://127.0.0.1:0");
        values.put(CastleConfig.REST_ENABLED, "false");
        values.put(CastleConfig.GROUP_ID, "group_" + topic + "_" + System.nanoTime());
        return values;
    }

    static Castle start(String topic) {
        return Castle.start(config(topic));
    }

    /**
     * Versions with references, a soft-deleted version, a soft-deleted subject, a permanently deleted subject, a
     * subject in another context, subject and global config, and a subject mode.
     */
    static void fill(RegistryClient registry) {
        register(registry, "orders-value", record("Order", "id", "long"));
        register(registry, "orders-value", record("Order", "id", "long", "note"));
        register(registry, "common", record("Common", "x", "int"));
        ObjectNode uses = body(record("Uses", "c", "Common"));
        uses.putArray("references")
                .addObject()
                .put("name", "Common")
                .put("subject", "common")
                .put("version", 1);
        registry.write("POST", "/subjects/uses/versions", uses);
        register(registry, "gone", record("Gone", "a", "int"));
        register(registry, "gone", record("Gone", "a", "int", "b"));
        registry.write("DELETE", "/subjects/gone/versions/1", null);
        register(registry, "soft", record("Soft", "a", "string"));
        registry.write("DELETE", "/subjects/soft", null);
        register(registry, "hard", record("Hard", "a", "string"));
        registry.write("DELETE", "/subjects/hard", null);
        registry.write("DELETE", "/subjects/hard?permanent=true", null);
        register(registry, "same-as-orders", record("Order", "id", "long"));
        register(registry, ":.other:ctx-value", record("Ctx", "a", "int"));
        registry.write("PUT", "/config/orders-value", JSON.createObjectNode().put("compatibility", "NONE"));
        registry.write("PUT", "/config", JSON.createObjectNode().put("compatibility", "FULL"));
        registry.write("PUT", "/mode/common", JSON.createObjectNode().put("mode", "READONLY"));
    }

    static void register(RegistryClient registry, String subject, String schema) {
        registry.write("POST", "/subjects/" + RegistryClient.segment(subject) + "/versions", body(schema));
    }

    private static ObjectNode body(String schema) {
        return JSON.createObjectNode().put("schema", schema);
    }

    /** An Avro record with {@code field} of {@code type}, and optionally a nullable string field with a default. */
    static String record(String name, String field, String type, String... optional) {
        StringBuilder fields = new StringBuilder("{\"name\":\"" + field + "\",\"type\":\"" + type + "\"}");
        for (String extra : optional) {
            fields.append(",{\"name\":\"").append(extra).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}";
    }

    /** Every GET a client could make of this registry's subjects, versions, ids, configs and modes, with answers. */
    static Map<String, String> snapshot(RegistryClient registry) {
        Map<String, String> answers = new TreeMap<>();
        List<String> paths = new java.util.ArrayList<>(List.of(
                "/subjects", "/subjects?deleted=true", "/config", "/mode", "/contexts", "/schemas?deleted=true"));
        TreeSet<Integer> ids = new TreeSet<>();
        for (JsonNode subject : registry.get("/subjects?deleted=true")) {
            String s = "/subjects/" + RegistryClient.segment(subject.asText());
            paths.addAll(List.of(
                    s + "/versions",
                    s + "/versions?deleted=true",
                    "/config/" + RegistryClient.segment(subject.asText()),
                    "/mode/" + RegistryClient.segment(subject.asText())));
            for (JsonNode version : registry.get(s + "/versions?deleted=true")) {
                String v = s + "/versions/" + version.asInt();
                paths.addAll(List.of(v + "?deleted=true", v, v + "/referencedby"));
                ids.add(registry.get(v + "?deleted=true").path("id").asInt());
            }
        }
        for (int id : ids) {
            paths.addAll(List.of("/schemas/ids/" + id, "/schemas/ids/" + id + "/versions?deleted=true"));
        }
        paths.add("/schemas/ids/" + (ids.isEmpty() ? 1 : ids.last() + 1));
        for (String path : paths) {
            RegistryClient.Answer answer = registry.send("GET", path, null);
            answers.put(path, answer.status() + " " + answer.body());
        }
        return answers;
    }
}
