package dev.castle.query;

import dev.castle.domain.Association;
import dev.castle.domain.AssociationBatch;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.decide.AssociationLookups;
import dev.castle.domain.decide.AssociationQueries;
import dev.castle.domain.json.AssociationBodies;
import dev.castle.domain.json.AssociationResponses;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The association lookups of Confluent 8.x (and their batch form, {@code POST /associations:batchGet}): {@code GET /associations/subjects/{subject}},
 * {@code GET /associations/resources/{resourceId}} and {@code GET /associations/resources/{namespace}/{name}} (either
 * may be {@code -}, any). Each takes {@code resourceType} (default {@code topic}), {@code associationType} (repeatable),
 * {@code lifecycle}, {@code offset} and {@code limit}, and answers a possibly empty list.
 */
final class AssociationReads {

    private final Function<Context, RegistryView> views;
    private final RegistrySettings settings;

    AssociationReads(Function<Context, RegistryView> views, RegistrySettings settings) {
        this.views = views;
        this.settings = settings;
    }

    void bySubject(Context ctx) {
        send(
                ctx,
                AssociationQueries.bySubject(
                        views.apply(ctx), ctx.pathParam("subject"), resourceType(ctx), types(ctx), lifecycle(ctx)));
    }

    void byResourceId(Context ctx) {
        send(
                ctx,
                AssociationQueries.byResourceId(
                        views.apply(ctx), ctx.pathParam("resourceId"), resourceType(ctx), types(ctx), lifecycle(ctx)));
    }

    void byResourceName(Context ctx) {
        send(
                ctx,
                AssociationQueries.byResourceName(
                        views.apply(ctx),
                        ctx.pathParam("resourceName"),
                        ctx.pathParam("resourceNamespace"),
                        resourceType(ctx),
                        types(ctx),
                        lifecycle(ctx)));
    }

    /** {@code POST /associations:batchGet}: 207 Multi-Status, a result or an error per lookup, as Confluent answers. */
    void batchGet(Context ctx) throws IOException {
        List<AssociationBatch.Lookup> lookups = AssociationBodies.lookups(ctx.bodyAsBytes());
        Map<String, Object> answer =
                AssociationLookups.batchGet(views.apply(ctx), lookups, Params.flag(ctx, "includeSchemas"));
        Json.send(ctx, answer);
        ctx.status(HttpStatus.MULTI_STATUS);
    }

    private void send(Context ctx, List<Association> associations) {
        Page page = Page.bounded(ctx, settings);
        Json.send(
                ctx,
                page.apply(associations).stream()
                        .map(AssociationResponses::association)
                        .toList());
    }

    private static String resourceType(Context ctx) {
        String type = Params.text(ctx, "resourceType");
        return type == null ? Association.TOPIC : type;
    }

    private static List<String> types(Context ctx) {
        return ctx.queryParams("associationType");
    }

    /** {@code STRONG} or {@code WEAK}; anything else is the 404 JAX-RS answers when an enum parameter fails. */
    private static Association.Lifecycle lifecycle(Context ctx) {
        String lifecycle = Params.text(ctx, "lifecycle");
        return lifecycle == null ? null : lifecycle(lifecycle);
    }

    /** A lifecycle named in a query; anything else is the 404 JAX-RS answers when an enum parameter fails. */
    static Association.Lifecycle lifecycle(String name) {
        try {
            return Association.Lifecycle.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.NOT_FOUND);
        }
    }
}
