package dev.castle.serdes.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SchemaRegistryPort} over HTTP to any Confluent-compatible registry. Schemas by id are cached for good (an id
 * never changes its schema); ids by subject and schema too; a subject's latest version and an id's subjects for
 * {@link RegistryClientConfig#latestTtl()}. Every cache holds at most {@link RegistryClientConfig#cacheCapacity()}
 * entries. Thread-safe; two threads missing the cache at once may both ask the registry.
 */
public final class HttpSchemaRegistry implements SchemaRegistryPort {
    /** Subject not found, version not found, schema not found: an empty answer, not a failure. */
    private static final Set<Integer> NOT_FOUND = Set.of(40401, 40402, 40403);

    private record Key(String subject, RegisteredSchema schema) {}

    private record VersionKey(String subject, int version) {}

    private final ObjectMapper mapper = new ObjectMapper();
    private final RegistryHttp http;
    private final BoundedCache<Integer, RegisteredSchema> schemas;
    private final BoundedCache<Key, Integer> ids;
    private final BoundedCache<Key, SubjectSchema> lookups;
    private final BoundedCache<VersionKey, SubjectSchema> versions;
    private final BoundedCache<String, SubjectSchema> latest;
    private final BoundedCache<Integer, List<String>> subjects;

    public HttpSchemaRegistry(RegistryClientConfig config) {
        this.http = new RegistryHttp(config, mapper);
        int capacity = config.cacheCapacity();
        this.schemas = new BoundedCache<>(capacity, null);
        this.ids = new BoundedCache<>(capacity, null);
        this.lookups = new BoundedCache<>(capacity, null);
        this.versions = new BoundedCache<>(capacity, null);
        this.latest = new BoundedCache<>(capacity, config.latestTtl());
        this.subjects = new BoundedCache<>(capacity, config.latestTtl());
    }

    /** A client configured from Confluent's keys ({@code schema.registry.url}, {@code basic.auth.*}, …). */
    public static HttpSchemaRegistry fromConfig(Map<String, ?> configs) {
        return new HttpSchemaRegistry(RegistryClientConfig.from(configs));
    }

    @Override
    public int register(String subject, RegisteredSchema schema) {
        Key key = new Key(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        RegistryHttp.Response response = http.send("POST", "/subjects/" + encode(subject) + "/versions", body(schema));
        if (!response.ok() || !response.body().path("id").canConvertToInt()) {
            throw response.error();
        }
        int id = response.body().path("id").asInt();
        ids.put(key, id);
        return id;
    }

    @Override
    public Optional<RegisteredSchema> schemaById(int id) {
        RegisteredSchema cached = schemas.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<JsonNode> body = found(http.send("GET", "/schemas/ids/" + id, null));
        body.map(this::schema).ifPresent(schema -> schemas.put(id, schema));
        return body.map(this::schema);
    }

    @Override
    public List<String> subjectsOf(int id) {
        List<String> cached = subjects.get(id);
        if (cached != null) {
            return cached;
        }
        List<String> found = new ArrayList<>();
        found(http.send("GET", "/schemas/ids/" + id + "/subjects", null))
                .ifPresent(array -> array.forEach(subject -> found.add(subject.asText())));
        List<String> answer = List.copyOf(found);
        subjects.put(id, answer);
        return answer;
    }

    @Override
    public Optional<SubjectSchema> version(String subject, int version) {
        SubjectSchema cached = version == -1 ? latest.get(subject) : versions.get(new VersionKey(subject, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        String which = version == -1 ? "latest" : Integer.toString(version);
        Optional<SubjectSchema> found = found(
                        http.send("GET", "/subjects/" + encode(subject) + "/versions/" + which, null))
                .map(body -> subjectSchema(subject, body));
        found.ifPresent(schema -> {
            if (version == -1) {
                latest.put(subject, schema);
            } else {
                versions.put(new VersionKey(subject, version), schema);
            }
        });
        return found;
    }

    /** {@code POST /subjects/{subject}}: the registry's own lookup, which compares schemas as the registry does. */
    @Override
    public Optional<SubjectSchema> lookup(String subject, RegisteredSchema schema) {
        Key key = new Key(subject, schema);
        SubjectSchema cached = lookups.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SubjectSchema> found = found(http.send("POST", "/subjects/" + encode(subject), body(schema)))
                .map(body -> subjectSchema(subject, body));
        found.ifPresent(value -> lookups.put(key, value));
        return found;
    }

    /** The body of a 2xx answer; empty for "not found"; any other answer is the registry's error. */
    private static Optional<JsonNode> found(RegistryHttp.Response response) {
        if (response.ok()) {
            return Optional.of(response.body());
        }
        if (response.status() == 404 && NOT_FOUND.contains(response.errorCode())) {
            return Optional.empty();
        }
        throw response.error();
    }

    private ObjectNode body(RegisteredSchema schema) {
        ObjectNode body = mapper.createObjectNode();
        if (schema.type() != SchemaType.AVRO) {
            body.put("schemaType", schema.type().name());
        }
        body.put("schema", schema.schema());
        if (!schema.references().isEmpty()) {
            ArrayNode references = body.putArray("references");
            for (Reference reference : schema.references()) {
                references
                        .addObject()
                        .put("name", reference.name())
                        .put("subject", reference.subject())
                        .put("version", reference.version());
            }
        }
        return body;
    }

    private RegisteredSchema schema(JsonNode body) {
        if (!body.path("schema").isTextual()) {
            throw new RegistryPortException(200, 0, "The schema registry answered without a schema: " + body);
        }
        List<Reference> references = new ArrayList<>();
        body.path("references")
                .forEach(reference -> references.add(new Reference(
                        reference.path("name").asText(),
                        reference.path("subject").asText(),
                        reference.path("version").asInt())));
        SchemaType type = SchemaType.fromName(body.path("schemaType").asText(""));
        return new RegisteredSchema(type, body.path("schema").asText(), references);
    }

    private SubjectSchema subjectSchema(String subject, JsonNode body) {
        return new SubjectSchema(
                body.path("subject").asText(subject),
                body.path("version").asInt(),
                body.path("id").asInt(),
                schema(body));
    }

    /** A subject as one path segment: reserved characters (and spaces) percent-encoded. */
    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
