package dev.castle.command;

import dev.castle.domain.AssociationBatch;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.json.AssociationBodies;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.RequestBodies;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The write routes (spec §2.3, §2.5, §2.6): each parses its request into a {@link Command} and hands it to the
 * {@link CommandGateway}; the response body is whatever the decision answered. Registering a schema that is already a
 * live version of the subject is answered from the local view without the leader (spec §4.1 step 2).
 */
public final class WriteRoutes {

    private final CommandGateway gateway;
    private final Function<Command.RegisterSchema, Optional<Object>> registeredAlready;
    private final LongSupplier appliedOffset;
    private final KnownRegistrations knownRegistrations = new KnownRegistrations();

    /**
     * @param registeredAlready the register fast path: the answer when the schema is already a live version of the
     *     subject in the local view, for example {@code c -> reads.registeredAlready(streams.view(), c)}
     */
    public WriteRoutes(CommandGateway gateway, Function<Command.RegisterSchema, Optional<Object>> registeredAlready) {
        this(gateway, registeredAlready, () -> -1L);
    }

    /**
     * @param appliedOffset the offset the local store has applied, reported with each answered write in
     *     {@link WriteRequest#OFFSET_HEADER} so that a follower that forwarded the write can wait for it
     */
    public WriteRoutes(
            CommandGateway gateway,
            Function<Command.RegisterSchema, Optional<Object>> registeredAlready,
            LongSupplier appliedOffset) {
        this.gateway = gateway;
        this.registeredAlready = registeredAlready;
        this.appliedOffset = appliedOffset;
    }

    /** Adds the write routes to a Javalin routing configuration. */
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/subjects/{subject}/versions", this::register);
        routes.post("/subjects/{subject}/versions/{version}/tags", this::tag);
        routes.delete("/subjects/{subject}/versions/{version}", this::deleteVersion);
        routes.delete("/subjects/{subject}", this::deleteSubject);
        routes.put("/config", ctx -> submit(ctx, new Command.SetConfig(null, WriteBodies.config(ctx.bodyAsBytes()))));
        routes.delete("/config", ctx -> submit(ctx, new Command.DeleteConfig(null)));
        routes.put(
                "/config/{subject}",
                ctx -> submit(ctx, new Command.SetConfig(subject(ctx), WriteBodies.config(ctx.bodyAsBytes()))));
        routes.delete("/config/{subject}", ctx -> submit(ctx, new Command.DeleteConfig(subject(ctx))));
        routes.put("/mode", ctx -> setMode(ctx, null));
        routes.delete("/mode", ctx -> submit(ctx, new Command.DeleteMode(null, flag(ctx, "recursive"))));
        routes.put("/mode/{subject}", ctx -> setMode(ctx, subject(ctx)));
        routes.delete(
                "/mode/{subject}", ctx -> submit(ctx, new Command.DeleteMode(subject(ctx), flag(ctx, "recursive"))));
        routes.post("/associations", ctx -> submit(ctx, putAssociations(ctx, true, null)));
        routes.put(
                "/associations/resources/{resourceId}",
                ctx -> submit(ctx, putAssociations(ctx, false, ctx.pathParam("resourceId"))));
        routes.delete("/associations/resources/{resourceId}", this::deleteAssociations);
        routes.post("/associations:batchMutate", this::mutateAssociations);
        routes.delete(
                "/contexts/{context}",
                ctx -> submitNoContent(ctx, new Command.DeleteContext(ctx.pathParam("context"))));
    }

    /** A create ({@code POST}) or an upsert ({@code PUT}, whose path names the resource id the body may repeat). */
    private static Command putAssociations(Context ctx, boolean create, String pathId) throws IOException {
        AssociationRequest request = AssociationBodies.request(ctx.bodyAsBytes());
        if (pathId != null) {
            if (request.resourceId() == null) {
                request = request.withResourceId(pathId);
            } else if (!request.resourceId().equals(pathId)) {
                throw new RegistryException(
                        ErrorCode.INVALID_ASSOCIATION,
                        "resourceId",
                        "Resource ID in the path parameter does not match the resource ID in the request body");
            }
        }
        return new Command.PutAssociations(ctx.queryParam("context"), create, flag(ctx, "dryRun"), request);
    }

    private void deleteAssociations(Context ctx) {
        submitNoContent(
                ctx,
                new Command.DeleteAssociations(
                        ctx.pathParam("resourceId"),
                        ctx.queryParam("resourceType"),
                        ctx.queryParams("associationType"),
                        flag(ctx, "cascadeLifecycle"),
                        flag(ctx, "dryRun")));
    }

    /** Confluent answers a batch with 207 Multi-Status: each request's result or error is in the body. */
    private void mutateAssociations(Context ctx) throws IOException {
        List<AssociationBatch.Mutation> requests = AssociationBodies.mutations(ctx.bodyAsBytes());
        if (requests == null || requests.isEmpty()) {
            throw new RegistryException(ErrorCode.INVALID_ASSOCIATION, "requests", "cannot be null or empty");
        }
        Command command = new Command.MutateAssociations(ctx.queryParam("context"), flag(ctx, "dryRun"), requests);
        submit(ctx, command, body -> ctx.status(HttpStatus.MULTI_STATUS).json(body));
    }

    /**
     * Answers from the local view when the schema is already registered, the same request's answer reused while no
     * record has been applied since ({@link KnownRegistrations}); else the leader decides.
     */
    private void register(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        String subject = subject(ctx);
        boolean normalize = flag(ctx, "normalize");
        long offset = appliedOffset.getAsLong();
        byte[] kept = knownRegistrations.answer(subject, normalize, body, offset);
        if (kept != null) {
            ctx.contentType(ContentType.JSON).result(kept);
            return;
        }
        Command.RegisterSchema command =
                new Command.RegisterSchema(subject, RequestBodies.schemaRequest(body), normalize);
        Optional<Object> known = registeredAlready.apply(command);
        if (known.isPresent()) {
            byte[] answer = Jackson.bytes(known.get());
            knownRegistrations.keep(subject, normalize, body, offset, answer);
            ctx.contentType(ContentType.JSON).result(answer);
        } else {
            submit(ctx, command);
        }
    }

    private void tag(Context ctx) throws IOException {
        int version = VersionSpec.parse(ctx.pathParam("version"));
        submit(ctx, new Command.TagSchema(subject(ctx), version, RequestBodies.tagRequest(ctx.bodyAsBytes())));
    }

    private void deleteVersion(Context ctx) {
        int version = VersionSpec.parse(ctx.pathParam("version"));
        submit(ctx, new Command.DeleteVersion(subject(ctx), version, flag(ctx, "permanent")));
    }

    private void deleteSubject(Context ctx) {
        submit(ctx, new Command.DeleteSubject(subject(ctx), flag(ctx, "permanent")));
    }

    /** Confluent echoes the mode as the client spelled it ({@code readonly} stays lower-case), spec §2.6. */
    private void setMode(Context ctx, String subject) throws IOException {
        WriteBodies.ModeBody body = WriteBodies.mode(ctx.bodyAsBytes());
        Command command = new Command.SetMode(subject, body.mode(), flag(ctx, "force"));
        Map<String, String> echo = new HashMap<>();
        echo.put("mode", body.asSent());
        submit(ctx, command, applied -> ctx.json(echo));
    }

    private void submit(Context ctx, Command command) {
        submit(ctx, command, ctx::json);
    }

    /** A write Confluent answers with 204 and no body. */
    private void submitNoContent(Context ctx, Command command) {
        submit(ctx, command, ignored -> ctx.status(HttpStatus.NO_CONTENT));
    }

    /** Hands the command to the gateway; once decided, the applied offset's header and {@code reply} answer it. */
    private void submit(Context ctx, Command command, Consumer<Object> reply) {
        ctx.future(() -> gateway.submit(command, request(ctx)).thenAccept(body -> {
            offsetHeader(ctx);
            reply.accept(body);
        }));
    }

    private void offsetHeader(Context ctx) {
        long offset = appliedOffset.getAsLong();
        if (offset >= 0) {
            ctx.header(WriteRequest.OFFSET_HEADER, Long.toString(offset));
        }
    }

    /** The request as a follower forwards it: routed path, raw query, headers and body. */
    private static WriteRequest request(Context ctx) {
        String query = ctx.queryString();
        String path = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return new WriteRequest(ctx.method().name(), path, headers, ctx.bodyAsBytes());
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    /** JAX-RS boolean semantics: {@code true} in any case is true, anything else is false. */
    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }
}
