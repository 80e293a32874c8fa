package dev.castle.query;

import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.decide.Reads;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Supplier;

/**
 * Every read route of the registry API (spec §2.2–2.7), served from the local view. The server adds them to its
 * routing with {@link #addTo}; handlers answer a JSON body or throw {@link dev.castle.domain.RegistryException}, and the
 * server owns content negotiation and error bodies. {@code GET /}, {@code POST /} and {@code /v1/metadata/*} are left
 * to the server.
 */
public final class QueryRoutes {
    private final SchemaQueries schemas;
    private final SubjectQueries subjects;
    private final CompatibilityQueries compatibility;
    private final SettingQueries settings;

    /**
     * @param views the current view of the local fold, asked once per request
     * @param reads the read rules that need schema parsing (lookup, compatibility, rendering)
     * @param settings server defaults: compatibility level and search limits
     */
    public QueryRoutes(Supplier<? extends RegistryView> views, Reads reads, RegistrySettings settings) {
        this.schemas = new SchemaQueries(views, reads, settings);
        this.subjects = new SubjectQueries(views, reads);
        this.compatibility = new CompatibilityQueries(views, reads);
        this.settings = new SettingQueries(views, settings);
    }

    /** Adds the read routes, for example {@code Javalin.create(config -> queryRoutes.addTo(config.routes))}. */
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/schemas", schemas::search);
        routes.get("/schemas/types", schemas::types);
        routes.get("/schemas/ids/{id}", schemas::byId);
        routes.get("/schemas/ids/{id}/schema", schemas::rawById);
        routes.get("/schemas/ids/{id}/subjects", schemas::subjectsById);
        routes.get("/schemas/ids/{id}/versions", schemas::versionsById);

        routes.get("/subjects", subjects::list);
        routes.post("/subjects/{subject}", subjects::lookup);
        routes.get("/subjects/{subject}/versions", subjects::versions);
        routes.get("/subjects/{subject}/versions/{version}", subjects::version);
        routes.get("/subjects/{subject}/versions/{version}/schema", subjects::rawVersion);
        routes.get("/subjects/{subject}/versions/{version}/referencedby", subjects::referencedBy);
        routes.get("/subjects/{subject}/metadata", subjects::latestWithMetadata);

        routes.post("/compatibility/subjects/{subject}/versions", compatibility::againstSubject);
        routes.post("/compatibility/subjects/{subject}/versions/{version}", compatibility::againstVersion);

        routes.get("/config", settings::globalConfig);
        routes.get("/config/{subject}", settings::subjectConfig);
        routes.get("/mode", settings::globalMode);
        routes.get("/mode/{subject}", settings::subjectMode);
        routes.get("/contexts", settings::contexts);
    }
}
