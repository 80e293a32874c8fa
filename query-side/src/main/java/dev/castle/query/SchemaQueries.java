package dev.castle.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.decide.Reads;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.ResponseBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/** The {@code /schemas} routes (spec §2.2): schemas by id, the schema search and the supported types. */
final class SchemaQueries {
    /** Confluent's order for {@code GET /schemas/types}. */
    private static final List<String> TYPES =
            List.of(SchemaType.JSON.name(), SchemaType.PROTOBUF.name(), SchemaType.AVRO.name());

    private final Function<Context, RegistryView> views;
    private final Reads reads;
    private final RegistrySettings settings;
    private final IdCache idCache = new IdCache();

    SchemaQueries(Function<Context, RegistryView> views, Reads reads, RegistrySettings settings) {
        this.views = views;
        this.reads = reads;
        this.settings = settings;
    }

    /** {@code GET /schemas/ids/{id}}. */
    void byId(Context ctx) {
        int id = Params.schemaId(ctx);
        RegistryView view = views.apply(ctx);
        ById found = find(view, id, ctx.queryParam("subject"))
                .orElseThrow(() -> new RegistryException(ErrorCode.SCHEMA_ID_NOT_FOUND, id));
        String format = Params.text(ctx, "format");
        boolean fetchMaxId = Params.flag(ctx, "fetchMaxId");
        List<String> findTags = Params.findTags(ctx);
        SchemaVersion schema = ReferenceFormat.apply(ctx, found.preferred());
        if (format == null && !fetchMaxId && findTags.isEmpty() && schema == found.preferred()) {
            Json.sendBytes(ctx, idCache.body(found.context(), schema));
            return;
        }
        String text = format == null ? schema.schema() : reads.render(view, schema, format);
        Integer maxId = fetchMaxId ? view.maxId(found.context()) : null;
        Json.send(
                ctx,
                ResponseBodies.SchemaString.of(schema, text, maxId)
                        .withSchemaTags(reads.findTags(view, schema, findTags)));
    }

    /** {@code GET /schemas/guids/{guid}} (Confluent 8.x): the schema whose content hash the GUID is, without subject. */
    void byGuid(Context ctx) {
        String guid = ctx.pathParam("guid");
        RegistryView view = views.apply(ctx);
        SchemaVersion found = byGuid(view, guid)
                .findFirst()
                .orElseThrow(() -> new RegistryException(ErrorCode.SCHEMA_ID_NOT_FOUND, guid));
        String format = Params.text(ctx, "format");
        String text = format == null ? found.schema() : reads.render(view, found, format);
        Json.send(ctx, ResponseBodies.SchemaString.of(found, text, null));
    }

    /** {@code GET /schemas/guids/{guid}/ids} (Confluent 8.x): the id the GUID has in each context, none when unknown. */
    void idsByGuid(Context ctx) {
        List<ResponseBodies.ContextId> ids = byGuid(views.apply(ctx), ctx.pathParam("guid"))
                .map(v -> new ResponseBodies.ContextId(v.context(), v.id()))
                .toList();
        Json.send(ctx, ids);
    }

    /** One subject-version per context holding the content the GUID names, the default context first. */
    private static Stream<SchemaVersion> byGuid(RegistryView view, String guid) {
        Optional<String> fingerprint = SchemaFingerprint.fingerprintOfGuid(guid);
        if (fingerprint.isEmpty()) {
            return Stream.empty();
        }
        return view.contexts().stream().flatMap(context -> {
            OptionalInt id = view.idByFingerprint(context, fingerprint.get());
            return id.isEmpty()
                    ? Stream.empty()
                    : view.versionsById(context, id.getAsInt()).stream().limit(1);
        });
    }

    /** {@code GET /schemas/ids/{id}/schema}. */
    void rawById(Context ctx) {
        int id = Params.schemaId(ctx);
        RegistryView view = views.apply(ctx);
        ById found = find(view, id, ctx.queryParam("subject"))
                .orElseThrow(() -> new RegistryException(ErrorCode.SCHEMA_ID_NOT_FOUND, id));
        String format = Params.text(ctx, "format");
        Json.sendText(ctx, format == null ? found.preferred().schema() : reads.render(view, found.preferred(), format));
    }

    /** {@code GET /schemas/ids/{id}/subjects}. */
    void subjectsById(Context ctx) {
        List<SchemaVersion> versions = versionsForListing(ctx);
        List<String> subjects =
                versions.stream().map(SchemaVersion::subject).distinct().toList();
        Json.send(ctx, Page.of(ctx).apply(subjects));
    }

    /** {@code GET /schemas/ids/{id}/versions}. */
    void versionsById(Context ctx) {
        List<ResponseBodies.SubjectVersion> versions = versionsForListing(ctx).stream()
                .map(v -> new ResponseBodies.SubjectVersion(v.subject(), v.version()))
                .toList();
        Json.send(ctx, Page.of(ctx).apply(versions));
    }

    /** {@code GET /schemas}. */
    void search(Context ctx) {
        RegistryView view = views.apply(ctx);
        String prefix = ctx.queryParam("subjectPrefix");
        boolean deleted = Params.flag(ctx, "deleted");
        boolean latestOnly = Params.flag(ctx, "latestOnly");
        // Confluent 8.x: only schemas with a domain, migration or encoding rule of this type (after latestOnly)
        String ruleType = Params.text(ctx, "ruleType");
        AssociationFilter associations = AssociationFilter.of(ctx);
        List<Object> found = new ArrayList<>();
        for (String subject : view.subjects()) {
            if (!Subjects.matchesPrefix(subject, prefix)) {
                continue;
            }
            List<SchemaVersion> versions = Subjects.visible(view, subject, deleted);
            if (latestOnly && !versions.isEmpty()) {
                versions = List.of(versions.get(versions.size() - 1));
            }
            versions.stream()
                    .filter(v -> ruleType == null || hasRuleOfType(v, ruleType))
                    .map(v -> ResponseBodies.SchemaEntity.of(v, v.schema()))
                    .map(entity -> associations == null ? entity : associations.apply(view, entity))
                    .filter(java.util.Objects::nonNull)
                    .forEach(found::add);
        }
        Page page = Page.bounded(ctx, settings);
        Json.send(ctx, page.apply(found));
    }

    private static boolean hasRuleOfType(SchemaVersion version, String type) {
        if (version.ruleSet() == null) {
            return false;
        }
        JsonNode ruleSet = Jackson.stored(version.ruleSet());
        for (String kind : List.of("domainRules", "migrationRules", "encodingRules")) {
            for (JsonNode rule : ruleSet.path(kind)) {
                if (type.equals(rule.path("type").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code GET /schemas/types}. */
    void types(Context ctx) {
        Json.send(ctx, TYPES);
    }

    private List<SchemaVersion> versionsForListing(Context ctx) {
        int id = Params.schemaId(ctx);
        ById found = find(views.apply(ctx), id, ctx.queryParam("subject"))
                .orElseThrow(() -> new RegistryException(ErrorCode.SCHEMA_NOT_FOUND));
        boolean deleted = Params.flag(ctx, "deleted");
        return found.all().stream().filter(v -> deleted || !v.deleted()).toList();
    }

    /** The subject-versions of an id in the context the {@code subject} hint selects (spec §2.2, §8.4). */
    static Optional<ById> find(RegistryView view, int id, String subjectHint) {
        String subject = subjectHint == null || subjectHint.isEmpty() ? null : subjectHint;
        String context = subject == null
                ? QualifiedSubject.DEFAULT_CONTEXT
                : QualifiedSubject.parse(subject).context();
        List<SchemaVersion> versions = view.versionsById(context, id);
        if (!versions.isEmpty()) {
            return Optional.of(new ById(context, versions, subject));
        }
        if (subject == null) {
            return Optional.empty();
        }
        for (String qualified : QualifiedSubject.parse(subject).fallbacks(view.contexts())) {
            String other = QualifiedSubject.parse(qualified).context();
            List<SchemaVersion> inOther = view.versionsById(other, id);
            if (!inOther.isEmpty() && !view.versions(qualified).isEmpty()) {
                return Optional.of(new ById(other, inOther, qualified));
            }
        }
        return Optional.empty();
    }

    /** The subject-versions carrying one id in one context, and the one to answer with. */
    record ById(String context, List<SchemaVersion> all, String preferredSubject) {
        SchemaVersion preferred() {
            if (preferredSubject != null) {
                for (SchemaVersion v : all) {
                    if (v.subject().equals(preferredSubject)) {
                        return v;
                    }
                }
            }
            return all.get(0);
        }
    }
}
