package dev.castle.domain.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.Association;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the bodies of the association routes (Confluent 8.x {@code AssociationCreateOrUpdateRequest}); as for
 * {@link RequestBodies}, a syntax error is Jackson's {@link IOException} (400), a body of the wrong shape a 400 with
 * Jackson's message, a missing body 422. A {@code schema} inside an association is read as a register request.
 */
public final class AssociationBodies {
    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    private AssociationBodies() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RequestBody(
            String resourceName,
            String resourceNamespace,
            String resourceId,
            String resourceType,
            List<InfoBody> associations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record InfoBody(
            String subject,
            String associationType,
            Association.Lifecycle lifecycle,
            Boolean frozen,
            JsonNode schema,
            Boolean normalize) {}

    /** The body of {@code POST /associations} and {@code PUT /associations/resources/{id}}. */
    public static AssociationRequest request(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        RequestBody parsed;
        try {
            parsed = MAPPER.readValue(body, RequestBody.class);
        } catch (JsonMappingException e) {
            throw RegistryException.withMessage(ErrorCode.BAD_REQUEST, RequestBodies.mismatch(e));
        }
        if (parsed == null) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        List<AssociationRequest.Item> items = null;
        if (parsed.associations() != null) {
            items = new ArrayList<>(parsed.associations().size());
            for (InfoBody info : parsed.associations()) {
                if (info == null) {
                    throw new RegistryException(ErrorCode.INVALID_ASSOCIATION, "associations", "cannot hold null");
                }
                items.add(item(info));
            }
        }
        return new AssociationRequest(
                parsed.resourceName(), parsed.resourceNamespace(), parsed.resourceId(), parsed.resourceType(), items);
    }

    private static AssociationRequest.Item item(InfoBody info) throws IOException {
        SchemaRequest schema = info.schema() == null || info.schema().isNull()
                ? null
                : RequestBodies.schemaRequest(MAPPER.writeValueAsBytes(info.schema()));
        return new AssociationRequest.Item(
                info.subject(), info.associationType(), info.lifecycle(), info.frozen(), schema, info.normalize());
    }
}
