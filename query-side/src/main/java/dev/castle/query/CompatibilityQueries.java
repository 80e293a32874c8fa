package dev.castle.query;

import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.decide.Reads;
import dev.castle.domain.json.RequestBodies;
import dev.castle.domain.json.ResponseBodies;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Function;

/** The two compatibility checks (spec §2.4); the verdict itself is {@link Reads#checkCompatibility}. */
final class CompatibilityQueries {
    private final Function<Context, RegistryView> views;
    private final Reads reads;

    CompatibilityQueries(Function<Context, RegistryView> views, Reads reads) {
        this.views = views;
        this.reads = reads;
    }

    /** {@code POST /compatibility/subjects/{s}/versions/{v}}: against that one version. */
    void againstVersion(Context ctx) throws IOException {
        Integer version = VersionSpec.parse(ctx.pathParam("version"));
        check(ctx, version);
    }

    /** {@code POST /compatibility/subjects/{s}/versions}: against the live versions the subject's level selects. */
    void againstSubject(Context ctx) throws IOException {
        check(ctx, null);
    }

    private void check(Context ctx, Integer version) throws IOException {
        SchemaRequest request = RequestBodies.schemaRequest(ctx.bodyAsBytes());
        boolean verbose = Params.flag(ctx, "verbose");
        Reads.CompatibilityResult result = reads.checkCompatibility(
                views.apply(ctx), ctx.pathParam("subject"), version, request, Params.flag(ctx, "normalize"), verbose);
        Json.send(ctx, new ResponseBodies.Compatibility(result.compatible(), verbose ? result.messages() : null));
    }
}
