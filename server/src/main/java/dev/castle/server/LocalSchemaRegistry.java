package dev.castle.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.command.CommandGateway;
import dev.castle.command.WriteRequest;
import dev.castle.domain.Command;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.decide.Reads;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.ResponseBodies;
import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The registry port of the REST Proxy filled by this process's own sides (DESIGN §11): lookups are reads of the local
 * fold, a registration is a command to the local gateway, which a follower forwards to its leader like any write. No
 * HTTP hop to itself.
 */
final class LocalSchemaRegistry implements SchemaRegistryPort {
    private static final ObjectMapper JSON = Jackson.MAPPER;

    private final Supplier<? extends RegistryView> views;
    private final Reads reads;
    private final CommandGateway gateway;
    private final Duration timeout;

    LocalSchemaRegistry(Supplier<? extends RegistryView> views, Reads reads, CommandGateway gateway, Duration timeout) {
        this.views = views;
        this.reads = reads;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    @Override
    public int register(String subject, RegisteredSchema schema) {
        List<SchemaReference> references = schema.references().stream()
                .map(r -> new SchemaReference(r.name(), r.subject(), r.version()))
                .toList();
        Command.RegisterSchema command = new Command.RegisterSchema(
                subject, SchemaRequest.of(schema.type(), schema.schema(), references), false);
        try {
            Optional<Object> known = reads.registeredAlready(views.get(), command);
            Object answer = known.isPresent()
                    ? known.get()
                    : gateway.submit(command, asRequest(subject, schema))
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return id(answer);
        } catch (RegistryException e) {
            throw refused(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryException refusal) {
                throw refused(refusal);
            }
            throw new RegistryPortException("The registry failed to register a schema", e.getCause());
        } catch (TimeoutException e) {
            throw new RegistryPortException("The registry did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryPortException("Interrupted while registering a schema", e);
        }
    }

    @Override
    public Optional<RegisteredSchema> schemaById(int id) {
        return live(id).stream().findFirst().map(LocalSchemaRegistry::registered);
    }

    @Override
    public List<String> subjectsOf(int id) {
        return live(id).stream().map(SchemaVersion::subject).distinct().toList();
    }

    @Override
    public Optional<SubjectSchema> version(String subject, int version) {
        RegistryView view = views.get();
        Optional<SchemaVersion> found = version == -1
                ? view.versions(subject).stream().filter(v -> !v.deleted()).reduce((first, second) -> second)
                : view.version(subject, version).filter(v -> !v.deleted());
        return found.map(v -> new SubjectSchema(v.subject(), v.version(), v.id(), registered(v)));
    }

    private List<SchemaVersion> live(int id) {
        return views.get().versionsById(QualifiedSubject.DEFAULT_CONTEXT, id).stream()
                .filter(v -> !v.deleted())
                .toList();
    }

    private static RegisteredSchema registered(SchemaVersion version) {
        return new RegisteredSchema(
                version.schemaType(),
                version.schema(),
                version.references().stream()
                        .map(r -> new Reference(r.name(), r.subject(), r.version()))
                        .toList());
    }

    /** The answer of a registration, local ({@link ResponseBodies.RegisterResponse}) or a leader's forwarded JSON. */
    private static int id(Object answer) {
        if (answer instanceof ResponseBodies.RegisterResponse registered) {
            return registered.id();
        }
        JsonNode body = answer instanceof JsonNode node ? node : JSON.valueToTree(answer);
        JsonNode id = body.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new RegistryPortException("The registry answered a registration without an id: " + body, null);
        }
        return id.intValue();
    }

    /** The HTTP request a follower forwards to its leader for this registration. */
    private static WriteRequest asRequest(String subject, RegisteredSchema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.schema());
        if (schema.type() != SchemaType.AVRO) {
            body.put("schemaType", schema.type().name());
        }
        if (!schema.references().isEmpty()) {
            ArrayNode references = body.putArray("references");
            schema.references().forEach(r -> references
                    .addObject()
                    .put("name", r.name())
                    .put("subject", r.subject())
                    .put("version", r.version()));
        }
        String path = "/subjects/"
                + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20") + "/versions";
        return new WriteRequest(
                "POST",
                path,
                Map.of("Content-Type", List.of("application/vnd.schemaregistry.v1+json")),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static RegistryPortException refused(RegistryException e) {
        return new RegistryPortException(e.errorCode().status(), e.errorCode().code(), e.getMessage());
    }
}
