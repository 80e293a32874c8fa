package dev.castle.query;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.decide.Reads;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every read route of the registry API (spec §2.2–2.7), served from the local view. The server adds them to its
 * routing with {@link #addTo}; handlers answer a JSON body or throw {@link dev.castle.domain.RegistryException}, and the
 * server owns content negotiation and error bodies. {@code GET /}, {@code POST /} and {@code /v1/metadata/*} are left
 * to the server.
 *
 * <p>A read that would answer "not found" (subject, version, schema, id, subject-level config or mode) first catches
 * this node's view up with the log and runs once more, so whatever a write acknowledged by any node names is found on
 * every node right after that write's answer, however far this node's fold trails. Reads that find what they look for
 * pay nothing; a second run over an unchanged view answers the same 404.
 */
public final class QueryRoutes {
    private final SchemaQueries schemas;
    private final SubjectQueries subjects;
    private final CompatibilityQueries compatibility;
    private final SettingQueries settings;
    private final AssociationReads associations;
    private final CatchUp catchUp;

    /**
     * @param views the current view of the local fold, asked once per request
     * @param catchUp brings the view up to the log before a read answers "not found"
     * @param reads the read rules that need schema parsing (lookup, compatibility, rendering)
     * @param settings server defaults: compatibility level and search limits
     */
    public QueryRoutes(
            Supplier<? extends RegistryView> views, CatchUp catchUp, Reads reads, RegistrySettings settings) {
        this(views, catchUp, reads, settings, RequestScope.WHOLE);
    }

    /**
     * @param scope narrows the view each request reads (the server hides the subjects a user may not read)
     */
    public QueryRoutes(
            Supplier<? extends RegistryView> views,
            CatchUp catchUp,
            Reads reads,
            RegistrySettings settings,
            RequestScope scope) {
        Function<Context, RegistryView> scoped = ctx -> scope.narrow(ctx, views.get());
        this.schemas = new SchemaQueries(scoped, reads, settings);
        this.subjects = new SubjectQueries(scoped, reads);
        this.compatibility = new CompatibilityQueries(scoped, reads);
        this.settings = new SettingQueries(scoped, settings);
        this.associations = new AssociationReads(scoped, settings);
        this.catchUp = catchUp;
    }

    /** Adds the read routes, for example {@code Javalin.create(config -> queryRoutes.addTo(config.routes))}. */
    public void addTo(JavalinDefaultRoutingApi routes) {
        // Javalin tries a method's routes in the order they were added: the two reads serializers make come first
        routes.get("/schemas/ids/{id}", caughtUp(schemas::byId));
        routes.get("/subjects/{subject}/versions/{version}", caughtUp(subjects::version));

        routes.get("/schemas", caughtUp(schemas::search));
        routes.get("/schemas/types", caughtUp(schemas::types));
        routes.get("/schemas/ids/{id}/schema", caughtUp(schemas::rawById));
        routes.get("/schemas/ids/{id}/subjects", caughtUp(schemas::subjectsById));
        routes.get("/schemas/ids/{id}/versions", caughtUp(schemas::versionsById));
        routes.get("/schemas/guids/{guid}", caughtUp(schemas::byGuid));
        routes.get("/schemas/guids/{guid}/ids", schemas::idsByGuid);

        routes.get("/subjects", caughtUp(subjects::list));
        routes.post("/subjects/{subject}", caughtUp(subjects::lookup));
        routes.get("/subjects/{subject}/versions", caughtUp(subjects::versions));
        routes.get("/subjects/{subject}/versions/{version}/schema", caughtUp(subjects::rawVersion));
        routes.get("/subjects/{subject}/versions/{version}/referencedby", caughtUp(subjects::referencedBy));
        routes.get("/subjects/{subject}/metadata", caughtUp(subjects::latestWithMetadata));

        routes.post("/compatibility/subjects/{subject}/versions", caughtUp(compatibility::againstSubject));
        routes.post("/compatibility/subjects/{subject}/versions/{version}", caughtUp(compatibility::againstVersion));

        routes.get("/config", caughtUp(settings::globalConfig));
        routes.get("/config/{subject}", caughtUp(settings::subjectConfig));
        routes.get("/mode", caughtUp(settings::globalMode));
        routes.get("/mode/{subject}", caughtUp(settings::subjectMode));
        routes.get("/contexts", caughtUp(settings::contexts));

        routes.get("/associations/subjects/{subject}", associations::bySubject);
        routes.get("/associations/resources/{resourceId}", associations::byResourceId);
        routes.get("/associations/resources/{resourceNamespace}/{resourceName}", associations::byResourceName);
        routes.post("/associations:batchGet", associations::batchGet);
    }

    /** Runs the read; if it finds nothing, catches up and runs it once more. No allocation when the read finds. */
    private Handler caughtUp(Handler read) {
        return ctx -> {
            try {
                read.handle(ctx);
            } catch (RegistryException e) {
                if (!notFound(e)) {
                    throw e;
                }
                catchUp.await();
                read.handle(ctx);
            }
        };
    }

    /** A 404 about registry content; a malformed path (404 with code 404) is not worth asking the log. */
    static boolean notFound(RegistryException e) {
        return e.errorCode().status() == 404 && e.errorCode() != ErrorCode.NOT_FOUND;
    }
}
