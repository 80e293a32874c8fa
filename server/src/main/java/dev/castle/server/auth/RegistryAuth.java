package dev.castle.server.auth;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.server.metrics.NodeMetrics;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.file.Path;

/**
 * Authentication and authorization of the registry listener (spec §9, ADR 6), in two places: a handler that runs once
 * the route is known answers 401 without valid credentials, 403 without {@code Config:} rights and, for a write to a
 * subject the user may not write, the 40401 of a missing subject; and {@link #narrow} hands each read the registry as
 * its user may see it. Accepted writes are audited. A follower forwards {@code Authorization} with a write, and the
 * leader checks it again.
 */
public final class RegistryAuth implements AutoCloseable {
    private static final String WHO = "castle.auth.who";
    private static final String AUDIT = "castle.auth.audit";

    private final ReloadingAuthFile rules;
    private final boolean metricsOpen;

    /** Who sent a request, with the rules in force when it arrived (a reload does not change a request midway). */
    private record Who(String user, AuthFile rules) {}

    private RegistryAuth(ReloadingAuthFile rules, boolean metricsOpen) {
        this.rules = rules;
        this.metricsOpen = metricsOpen;
    }

    /**
     * Authentication from the authfile at {@code path}, reloaded whenever it changes.
     *
     * @param metricsOpen whether {@code GET /metrics} is open to all, as the health probes are; else any known user
     */
    public static RegistryAuth watching(Path path, boolean metricsOpen) {
        return new RegistryAuth(ReloadingAuthFile.watch(path), metricsOpen);
    }

    /** The authfile being watched, with its reload counts. */
    public ReloadingAuthFile file() {
        return rules;
    }

    /** Adds the checks to the registry's routing: after matching, before the handler; the audit after the answer. */
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.beforeMatched(this::check);
        routes.after(ctx -> {
            AuditLog.Entry entry = ctx.attribute(AUDIT);
            if (entry != null) {
                AuditLog.write(ctx, entry);
            }
        });
    }

    private void check(Context ctx) {
        String subject = ctx.pathParamMap().get("subject");
        String template = ctx.endpoints().matchedHttpEndpoint().path;
        Access access = Access.of(ctx.method(), template, subject);
        if (access == Access.OPEN || (metricsOpen && template.equals(NodeMetrics.PATH))) {
            return;
        }
        AuthFile file = rules.get();
        String user = Credentials.fromHeader(ctx.header(Header.AUTHORIZATION))
                .flatMap(credentials -> file.authenticate(credentials.username(), credentials.password()))
                .orElseThrow(() -> new RegistryException(ErrorCode.UNAUTHORIZED))
                .username();
        ctx.attribute(WHO, new Who(user, file));
        if (access.writes()) {
            ctx.attribute(AUDIT, new AuditLog.Entry(user, subject));
        }
        switch (access) {
            case CONFIG_READ -> requireConfig(file, user, Operation.Read);
            case CONFIG_WRITE -> requireConfig(file, user, Operation.Write);
            case SUBJECT_WRITE -> {
                String stored = QualifiedSubject.parse(subject).qualified();
                if (!file.allowsSubject(user, Operation.Write, stored)) {
                    throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject);
                }
            }
            default -> {}
        }
    }

    private static void requireConfig(AuthFile file, String user, Operation operation) {
        if (!file.allows(user, operation, AuthFile.CONFIG)) {
            throw new RegistryException(ErrorCode.FORBIDDEN);
        }
    }

    /**
     * The registry as the request's user may read it. A user who may read the literal resource {@code Subject:*}
     * reads everything, as in Karapace; a request that no check let through (which no read route should be) reads
     * nothing.
     */
    public RegistryView narrow(Context ctx, RegistryView view) {
        Who who = ctx.attribute(WHO);
        if (who == null) {
            return new ReadableView(view, subject -> false);
        }
        if (who.rules().allowsSubject(who.user(), Operation.Read, "*")) {
            return view;
        }
        return new ReadableView(view, subject -> who.rules().allowsSubject(who.user(), Operation.Read, subject));
    }

    @Override
    public void close() {
        rules.close();
    }
}
