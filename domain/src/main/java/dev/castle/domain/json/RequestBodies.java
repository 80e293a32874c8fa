package dev.castle.domain.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import java.io.IOException;
import java.util.List;

/**
 * Parses request bodies. Syntax and shape errors surface as Jackson's {@link IOException} subclasses, which the HTTP
 * layer answers with 400 and Jackson's message (spec §1.3); a missing body is 422.
 */
public final class RequestBodies {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RequestBodies() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ReferenceBody(String name, String subject, Integer version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record SchemaBody(
            String schema,
            String schemaType,
            List<ReferenceBody> references,
            Integer id,
            Integer version,
            JsonNode metadata,
            JsonNode ruleSet) {}

    /** The body of register, lookup and compatibility requests. */
    public static SchemaRequest schemaRequest(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        SchemaBody parsed = MAPPER.readValue(body, SchemaBody.class);
        if (parsed == null) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        List<SchemaReference> references = parsed.references() == null
                ? List.of()
                : parsed.references().stream().map(RequestBodies::reference).toList();
        return new SchemaRequest(
                parsed.schema(),
                SchemaType.fromName(parsed.schemaType()),
                references,
                parsed.id(),
                parsed.version(),
                compact(parsed.metadata()),
                compact(parsed.ruleSet()));
    }

    /** Any JSON object body as a tree (config and mode bodies). */
    public static JsonNode tree(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        return MAPPER.readTree(body);
    }

    private static SchemaReference reference(ReferenceBody ref) {
        if (ref == null || ref.name() == null || ref.subject() == null) {
            throw RegistryException.withMessage(
                    ErrorCode.INVALID_SCHEMA, "Invalid reference: name and subject are required");
        }
        return new SchemaReference(ref.name(), ref.subject(), ref.version() == null ? -1 : ref.version());
    }

    private static String compact(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
