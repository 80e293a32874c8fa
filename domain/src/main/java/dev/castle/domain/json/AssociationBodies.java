package dev.castle.domain.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.Association;
import dev.castle.domain.AssociationBatch;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the bodies of the association routes (Confluent 8.x {@code AssociationCreateOrUpdateRequest}); as for
 * {@link RequestBodies}, a syntax error is Jackson's {@link IOException} (400), a body of the wrong shape a 400 with
 * Jackson's message, a missing body 422. A {@code schema} inside an association is read as a register request.
 */
public final class AssociationBodies {
    private static final ObjectMapper MAPPER = Jackson.MAPPER;
    private static final String CONFLUENT_REQUESTS = "io.confluent.kafka.schemaregistry.client.rest.entities.requests.";

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

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record MutateBody(List<OpRequestBody> requests) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record OpRequestBody(
            String resourceName,
            String resourceNamespace,
            String resourceId,
            String resourceType,
            List<OpBody> associations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record OpBody(
            String opType,
            String subject,
            String associationType,
            Association.Lifecycle lifecycle,
            Boolean frozen,
            JsonNode schema,
            Boolean normalize,
            Boolean cascadeLifecycle) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record GetBody(List<AssociationBatch.Lookup> requests) {}

    /** The type Confluent reads each body (or part of one) into, which its mismatch messages name. */
    private static final Map<Class<?>, String> CONFLUENT_TYPES = Map.of(
            RequestBody.class, CONFLUENT_REQUESTS + "AssociationCreateOrUpdateRequest",
            InfoBody.class, CONFLUENT_REQUESTS + "AssociationCreateOrUpdateInfo",
            MutateBody.class, CONFLUENT_REQUESTS + "AssociationBatchRequest",
            OpRequestBody.class, CONFLUENT_REQUESTS + "AssociationOpRequest",
            OpBody.class, CONFLUENT_REQUESTS + "AssociationOp",
            GetBody.class, CONFLUENT_REQUESTS + "AssociationBatchGetRequest",
            AssociationBatch.Lookup.class, CONFLUENT_REQUESTS + "AssociationGetRequest",
            Association.Lifecycle.class, "io.confluent.kafka.schemaregistry.client.rest.entities.LifecyclePolicy");

    /** The body of {@code POST /associations} and {@code PUT /associations/resources/{id}}. */
    public static AssociationRequest request(byte[] body) throws IOException {
        RequestBody parsed = read(body, RequestBody.class);
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

    /**
     * The body of {@code POST /associations:batchMutate} ({@code AssociationBatchRequest}); {@code requests} null when
     * not sent. An {@code opType} other than {@code CREATE}, {@code UPSERT} or {@code DELETE} is 400, as Jackson's
     * polymorphic reading is in Confluent.
     */
    public static List<AssociationBatch.Mutation> mutations(byte[] body) throws IOException {
        MutateBody parsed = read(body, MutateBody.class);
        if (parsed.requests() == null) {
            return null;
        }
        List<AssociationBatch.Mutation> mutations = new ArrayList<>();
        for (OpRequestBody request : parsed.requests()) {
            if (request == null) {
                throw new RegistryException(ErrorCode.INVALID_ASSOCIATION, "requests", "cannot hold null");
            }
            List<AssociationBatch.Op> ops = null;
            if (request.associations() != null) {
                ops = new ArrayList<>();
                for (OpBody op : request.associations()) {
                    ops.add(op(op));
                }
            }
            mutations.add(new AssociationBatch.Mutation(
                    request.resourceName(),
                    request.resourceNamespace(),
                    request.resourceId(),
                    request.resourceType(),
                    ops));
        }
        return mutations;
    }

    /** The body of {@code POST /associations:batchGet} ({@code AssociationBatchGetRequest}); null when not sent. */
    public static List<AssociationBatch.Lookup> lookups(byte[] body) throws IOException {
        GetBody parsed = read(body, GetBody.class);
        if (parsed.requests() != null && parsed.requests().contains(null)) {
            throw new RegistryException(ErrorCode.INVALID_ASSOCIATION, "requests", "cannot hold null");
        }
        return parsed.requests();
    }

    private static AssociationBatch.Op op(OpBody op) throws IOException {
        AssociationBatch.OpType type = op == null ? null : opType(op.opType());
        if (type == null) {
            throw RegistryException.withMessage(
                    ErrorCode.BAD_REQUEST,
                    "Could not resolve type id '" + (op == null ? null : op.opType())
                            + "' as a subtype of AssociationOp: known type ids = [CREATE, DELETE, UPSERT]");
        }
        if (type == AssociationBatch.OpType.DELETE) {
            return AssociationBatch.Op.delete(op.associationType(), Boolean.TRUE.equals(op.cascadeLifecycle()));
        }
        InfoBody info = new InfoBody(
                op.subject(), op.associationType(), op.lifecycle(), op.frozen(), op.schema(), op.normalize());
        return new AssociationBatch.Op(type, item(info), false);
    }

    private static AssociationBatch.OpType opType(String name) {
        for (AssociationBatch.OpType type : AssociationBatch.OpType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static <T> T read(byte[] body, Class<T> type) throws IOException {
        return RequestBodies.read(body, type, CONFLUENT_TYPES);
    }

    private static AssociationRequest.Item item(InfoBody info) throws IOException {
        SchemaRequest schema = info.schema() == null || info.schema().isNull()
                ? null
                : RequestBodies.schemaRequest(MAPPER.writeValueAsBytes(info.schema()));
        return new AssociationRequest.Item(
                info.subject(), info.associationType(), info.lifecycle(), info.frozen(), schema, info.normalize());
    }
}
