package dev.castle.query;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.decide.Reads;
import dev.castle.domain.json.RequestBodies;
import dev.castle.domain.json.ResponseBodies;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** The read routes under {@code /subjects} (spec §2.3): listings, versions, raw schemas, referenced-by and lookup. */
final class SubjectQueries {
    private final Function<Context, RegistryView> views;
    private final Reads reads;
    private final VersionCache versionCache = new VersionCache();

    SubjectQueries(Function<Context, RegistryView> views, Reads reads) {
        this.views = views;
        this.reads = reads;
    }

    /** {@code GET /subjects}: streamed, so a million subjects are never one list or one string in memory. */
    void list(Context ctx) {
        RegistryView view = views.apply(ctx);
        String prefix = ctx.queryParam("subjectPrefix");
        Listing listing = Listing.of(Params.flag(ctx, "deleted"), Params.flag(ctx, "deletedOnly"));
        Page page = Page.of(ctx);
        Iterator<String> subjects = view.subjects().stream()
                .filter(s -> Subjects.matchesPrefix(s, prefix == null ? ":*:" : prefix))
                .filter(s -> listing.shows(view, s))
                .skip(page.offset())
                .limit(page.limit() <= 0 ? Long.MAX_VALUE : page.limit())
                .iterator();
        ctx.contentType(Json.MEDIA_TYPE).result(new JsonStringArray(subjects));
    }

    /** {@code GET /subjects/{s}/versions}. */
    void versions(Context ctx) {
        RegistryView view = views.apply(ctx);
        String subject = ctx.pathParam("subject");
        Listing listing = Listing.of(Params.flag(ctx, "deleted"), Params.flag(ctx, "deletedOnly"));
        String resolved = Subjects.resolve(view, subject, listing != Listing.LIVE)
                .orElseThrow(() -> new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject));
        // Confluent 8.x: deletedAsNegative lists every version, the soft-deleted ones as negative numbers
        boolean negative = Params.flag(ctx, "deletedAsNegative");
        List<Integer> versions = view.versions(resolved).stream()
                .filter(v -> negative || listing.includes(v))
                .map(v -> negative && v.deleted() ? -v.version() : v.version())
                .toList();
        Json.send(ctx, Page.of(ctx).apply(versions));
    }

    /** {@code GET /subjects/{s}/versions/{v}}. */
    void version(Context ctx) {
        RegistryView view = views.apply(ctx);
        SchemaVersion stored = versionOf(view, ctx);
        SchemaVersion found = ReferenceFormat.apply(ctx, stored);
        List<String> findTags = Params.findTags(ctx);
        if (Params.text(ctx, "format") == null && findTags.isEmpty() && found == stored) {
            Json.sendBytes(ctx, versionCache.body(found));
            return;
        }
        Json.send(
                ctx,
                ResponseBodies.SchemaEntity.of(found, text(view, found, ctx))
                        .withSchemaTags(reads.findTags(view, found, findTags)));
    }

    /** {@code GET /subjects/{s}/versions/{v}/schema}. */
    void rawVersion(Context ctx) {
        RegistryView view = views.apply(ctx);
        SchemaVersion found = versionOf(view, ctx);
        Json.sendText(ctx, text(view, found, ctx));
    }

    /** {@code GET /subjects/{s}/versions/{v}/referencedby}. */
    void referencedBy(Context ctx) {
        RegistryView view = views.apply(ctx);
        String subject = ctx.pathParam("subject");
        int spec = VersionSpec.parse(ctx.pathParam("version"));
        SchemaVersion found = find(view, subject, spec, true);
        List<Integer> ids = List.copyOf(view.referencedBy(found.subject(), found.version()));
        Json.send(ctx, Page.of(ctx).apply(ids));
    }

    /** {@code POST /subjects/{s}}: which version of the subject holds the posted schema. */
    void lookup(Context ctx) throws IOException {
        SchemaRequest request = RequestBodies.schemaRequest(ctx.bodyAsBytes());
        RegistryView view = views.apply(ctx);
        String subject = ctx.pathParam("subject");
        boolean deleted = Params.flag(ctx, "deleted");
        String resolved = Subjects.resolve(view, subject, deleted).orElse(subject);
        SchemaVersion found = reads.lookup(view, resolved, request, Params.flag(ctx, "normalize"), deleted);
        Json.send(ctx, ResponseBodies.SchemaEntity.of(found, text(view, found, ctx)));
    }

    /**
     * {@code GET /subjects/{s}/metadata}: the newest version (live, or any with {@code deleted}) whose metadata
     * properties hold every {@code key}/{@code value} pair; 40401 when the subject has no such versions at all, 40403
     * when none matches.
     */
    void latestWithMetadata(Context ctx) {
        RegistryView view = views.apply(ctx);
        String subject = ctx.pathParam("subject");
        boolean deleted = Params.flag(ctx, "deleted");
        String resolved = Subjects.resolve(view, subject, deleted)
                .orElseThrow(() -> new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject));
        MetadataFilter filter = MetadataFilter.of(ctx.queryParams("key"), ctx.queryParams("value"));
        List<SchemaVersion> versions = Subjects.visible(view, resolved, deleted);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (filter.matches(versions.get(i))) {
                SchemaVersion found = versions.get(i);
                Json.send(ctx, ResponseBodies.SchemaEntity.of(found, text(view, found, ctx)));
                return;
            }
        }
        throw new RegistryException(ErrorCode.SCHEMA_NOT_FOUND);
    }

    private SchemaVersion versionOf(RegistryView view, Context ctx) {
        String subject = ctx.pathParam("subject");
        int spec = VersionSpec.parse(ctx.pathParam("version"));
        return find(view, subject, spec, Params.flag(ctx, "deleted"));
    }

    /**
     * One version of a subject (spec §2.3): 40401 when the subject has no visible versions, 40402 when the version is
     * missing (or soft-deleted and not asked for); {@code latest} is the highest live version.
     */
    static SchemaVersion find(RegistryView view, String subject, int spec, boolean includeDeleted) {
        String resolved = Subjects.resolve(view, subject, includeDeleted)
                .orElseThrow(() -> new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject));
        if (spec == VersionSpec.LATEST) {
            return view.latest(resolved, false)
                    .orElseThrow(() -> new RegistryException(ErrorCode.VERSION_NOT_FOUND, VersionSpec.LATEST));
        }
        return view.version(resolved, spec)
                .filter(v -> includeDeleted || !v.deleted())
                .orElseThrow(() -> new RegistryException(ErrorCode.VERSION_NOT_FOUND, spec));
    }

    private String text(RegistryView view, SchemaVersion version, Context ctx) {
        String format = Params.text(ctx, "format");
        return format == null ? version.schema() : reads.render(view, version, format);
    }

    /** Which versions a listing shows: {@code deletedOnly} wins over {@code deleted} (spec §2.3). */
    enum Listing {
        LIVE,
        ALL,
        DELETED_ONLY;

        static Listing of(boolean deleted, boolean deletedOnly) {
            return deletedOnly ? DELETED_ONLY : deleted ? ALL : LIVE;
        }

        boolean includes(SchemaVersion version) {
            return this == ALL || (this == LIVE) != version.deleted();
        }

        /** A subject is listed when it has a live version, any version, or (deleted only) no live version. */
        boolean shows(RegistryView view, String subject) {
            return switch (this) {
                case LIVE -> view.latest(subject, false).isPresent();
                case ALL -> view.latest(subject, true).isPresent();
                case DELETED_ONLY -> view.latest(subject, true).isPresent()
                        && view.latest(subject, false).isEmpty();
            };
        }
    }
}
