package dev.castle.server.auth;

import dev.castle.domain.QualifiedSubject;
import io.javalin.http.HandlerType;
import java.util.Map;

/**
 * What a route asks of its caller (spec §9), by method and route template. Reads of subjects and ids only need a
 * known user: what they may see is narrowed by {@link ReadableView}, so a hidden subject answers exactly as a missing
 * one. A route missing from the table is for administrators only ({@code Config:}), so a route added later is closed
 * until someone decides otherwise.
 */
enum Access {
    /**
     * No credentials at all: {@code GET /}, {@code POST /}, {@code GET /schemas/types} and the health probes ({@code GET
     * /metrics} too unless {@code castle.metrics.authenticate} is set).
     */
    OPEN,
    /** A known user; subject contents are narrowed to what the user may read. */
    AUTHENTICATED,
    /** {@code Read} on {@code Config:}, else 403. */
    CONFIG_READ,
    /** {@code Write} on {@code Config:}, else 403. */
    CONFIG_WRITE,
    /** {@code Write} on the path's subject, else the subject is not found (40401). */
    SUBJECT_WRITE,
    /** {@code GET /config/{s}} and {@code GET /mode/{s}}: a context's level is config, a subject's a read. */
    LEVEL_READ,
    /** {@code PUT|DELETE /config/{s}} and {@code /mode/{s}}: a context's level is config, a subject's a write. */
    LEVEL_WRITE;

    private static final Map<String, Access> ROUTES = Map.ofEntries(
            Map.entry("GET /", OPEN),
            Map.entry("POST /", OPEN),
            Map.entry("GET /schemas/types", OPEN),
            Map.entry("GET /health/live", OPEN),
            Map.entry("GET /health/ready", OPEN),
            Map.entry("GET /_health", OPEN),
            Map.entry("GET /metrics", AUTHENTICATED),
            Map.entry("GET /v1/metadata/id", AUTHENTICATED),
            Map.entry("GET /v1/metadata/version", AUTHENTICATED),
            Map.entry("GET /schemas", AUTHENTICATED),
            Map.entry("GET /schemas/ids/{id}", AUTHENTICATED),
            Map.entry("GET /schemas/ids/{id}/schema", AUTHENTICATED),
            Map.entry("GET /schemas/ids/{id}/subjects", AUTHENTICATED),
            Map.entry("GET /schemas/ids/{id}/versions", AUTHENTICATED),
            Map.entry("GET /schemas/guids/{guid}", AUTHENTICATED),
            Map.entry("GET /schemas/guids/{guid}/ids", AUTHENTICATED),
            Map.entry("GET /subjects", AUTHENTICATED),
            Map.entry("POST /subjects/{subject}", AUTHENTICATED),
            Map.entry("GET /subjects/{subject}/versions", AUTHENTICATED),
            Map.entry("GET /subjects/{subject}/versions/{version}", AUTHENTICATED),
            Map.entry("GET /subjects/{subject}/versions/{version}/schema", AUTHENTICATED),
            Map.entry("GET /subjects/{subject}/versions/{version}/referencedby", AUTHENTICATED),
            Map.entry("GET /subjects/{subject}/metadata", AUTHENTICATED),
            Map.entry("POST /compatibility/subjects/{subject}/versions", AUTHENTICATED),
            Map.entry("POST /compatibility/subjects/{subject}/versions/{version}", AUTHENTICATED),
            Map.entry("GET /contexts", AUTHENTICATED),
            Map.entry("GET /associations/subjects/{subject}", AUTHENTICATED),
            Map.entry("GET /associations/resources/{resourceId}", AUTHENTICATED),
            Map.entry("GET /associations/resources/{resourceNamespace}/{resourceName}", AUTHENTICATED),
            Map.entry("POST /associations:batchGet", AUTHENTICATED),
            Map.entry("POST /associations", CONFIG_WRITE),
            Map.entry("POST /associations:batchMutate", CONFIG_WRITE),
            Map.entry("PUT /associations/resources/{resourceId}", CONFIG_WRITE),
            Map.entry("DELETE /associations/resources/{resourceId}", CONFIG_WRITE),
            Map.entry("DELETE /contexts/{context}", CONFIG_WRITE),
            Map.entry("POST /subjects/{subject}/versions", SUBJECT_WRITE),
            Map.entry("POST /subjects/{subject}/versions/{version}/tags", SUBJECT_WRITE),
            Map.entry("DELETE /subjects/{subject}/versions/{version}", SUBJECT_WRITE),
            Map.entry("DELETE /subjects/{subject}", SUBJECT_WRITE),
            Map.entry("GET /config", CONFIG_READ),
            Map.entry("PUT /config", CONFIG_WRITE),
            Map.entry("DELETE /config", CONFIG_WRITE),
            Map.entry("GET /mode", CONFIG_READ),
            Map.entry("PUT /mode", CONFIG_WRITE),
            Map.entry("DELETE /mode", CONFIG_WRITE),
            Map.entry("GET /config/{subject}", LEVEL_READ),
            Map.entry("PUT /config/{subject}", LEVEL_WRITE),
            Map.entry("DELETE /config/{subject}", LEVEL_WRITE),
            Map.entry("GET /mode/{subject}", LEVEL_READ),
            Map.entry("PUT /mode/{subject}", LEVEL_WRITE),
            Map.entry("DELETE /mode/{subject}", LEVEL_WRITE));

    /** The access a route needs; {@code subject} is its decoded {@code {subject}} path parameter, or null. */
    static Access of(HandlerType method, String template, String subject) {
        Access access = ROUTES.get(method.name() + " " + template);
        if (access == null) {
            return method == HandlerType.GET ? CONFIG_READ : CONFIG_WRITE;
        }
        boolean contextLevel =
                subject != null && QualifiedSubject.parse(subject).isContextLevel();
        if (access == LEVEL_READ) {
            return contextLevel ? CONFIG_READ : AUTHENTICATED;
        }
        if (access == LEVEL_WRITE) {
            return contextLevel ? CONFIG_WRITE : SUBJECT_WRITE;
        }
        return access;
    }

    /** Whether the table names this route. */
    static boolean known(HandlerType method, String template) {
        return ROUTES.containsKey(method.name() + " " + template);
    }

    /** Whether a request with this access changes the registry, and so is audited. */
    boolean writes() {
        return this == CONFIG_WRITE || this == SUBJECT_WRITE;
    }
}
