package dev.castle.domain.decide;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaFormats;
import dev.castle.domain.format.SchemaParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses schemas with their references resolved from a view (spec §8.1): references to subjects without a context
 * inherit the referrer's, {@code version -1} becomes the latest live version, and a missing target is 42201.
 */
final class SchemaResolver {
    private static final Comparator<SchemaReference> REFERENCE_ORDER = Comparator.comparing(SchemaReference::name)
            .thenComparing(SchemaReference::subject)
            .thenComparingInt(SchemaReference::version);

    private static final int STORED_CACHE_CAPACITY = 2_000;

    private static final int REQUEST_CACHE_CAPACITY = 1_000;

    private final SchemaFormats formats;
    private final boolean avroValidateDefaults;

    private final ParsedSchemaCache stored = new ParsedSchemaCache(STORED_CACHE_CAPACITY);
    /** Requests that passed validation, so re-registering a known schema (every producer start) parses nothing. */
    private final ParsedSchemaCache validatedRequests = new ParsedSchemaCache(REQUEST_CACHE_CAPACITY);

    /**
     * @param avroValidateDefaults {@code schema.providers.avro.validate.defaults}: whether new Avro schemas that are
     *     not normalized have their defaults checked
     */
    SchemaResolver(SchemaFormats formats, boolean avroValidateDefaults) {
        this.formats = formats;
        this.avroValidateDefaults = avroValidateDefaults;
    }

    /** A parsed request schema and its references with concrete versions, as they are stored. */
    record Resolved(ParsedSchema schema, List<SchemaReference> references) {}

    /**
     * Parses a schema sent by a client. New schemas ({@code validate}) need live reference targets and pass the
     * format's validation; 42201 with Confluent's {@code Invalid schema ...} text otherwise.
     */
    Resolved parseRequest(
            RegistryView view, String subject, SchemaRequest request, boolean validate, boolean normalize) {
        if (!request.hasSchema()) {
            throw RegistryException.withMessage(ErrorCode.INVALID_SCHEMA, "Empty schema");
        }
        try {
            List<SchemaReference> concrete = new ArrayList<>();
            Map<String, String> texts = resolve(view, subject, request.references(), !validate, concrete);
            boolean checked = validate && checksFormat(request.schemaType(), normalize);
            ParsedSchema parsed = (checked ? validatedRequests : stored)
                    .get(request.schemaType(), request.schema(), texts, () -> formats.of(request.schemaType())
                            .parse(request.schema(), texts, checked));
            if (!normalize) {
                return new Resolved(parsed, concrete);
            }
            List<SchemaReference> sorted =
                    concrete.stream().sorted(REFERENCE_ORDER).distinct().toList();
            return new Resolved(parsed.normalize(), sorted);
        } catch (SchemaParseException e) {
            throw RegistryException.withMessage(ErrorCode.INVALID_SCHEMA, invalid(subject, request, e.getMessage()));
        }
    }

    /**
     * Whether a new schema gets its format's checks. Avro's (defaults match their types) can be turned off as in
     * Confluent 7.x, where they still run for a normalized schema; a lenient parse is cached with the stored ones.
     */
    private boolean checksFormat(SchemaType type, boolean normalize) {
        return type != SchemaType.AVRO || avroValidateDefaults || normalize;
    }

    /** Parses a stored version; soft-deleted reference targets are accepted. */
    ParsedSchema parseStored(RegistryView view, SchemaVersion version) {
        Map<String, String> texts = resolve(view, version.subject(), version.references(), true, new ArrayList<>());
        return stored.get(version.schemaType(), version.schema(), texts, () -> formats.of(version.schemaType())
                .parse(version.schema(), texts, false));
    }

    private Map<String, String> resolve(
            RegistryView view,
            String subject,
            List<SchemaReference> references,
            boolean includeDeleted,
            List<SchemaReference> concrete) {
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        for (SchemaReference reference : references) {
            SchemaVersion target = target(view, subject, reference, includeDeleted);
            concrete.add(new SchemaReference(reference.name(), reference.subject(), target.version()));
            collect(view, reference.name(), target, includeDeleted, texts, visited);
        }
        return texts;
    }

    private void collect(
            RegistryView view,
            String name,
            SchemaVersion target,
            boolean includeDeleted,
            Map<String, String> texts,
            Set<String> visited) {
        if (!visited.add(name)) {
            return;
        }
        for (SchemaReference nested : target.references()) {
            collect(
                    view,
                    nested.name(),
                    target(view, target.subject(), nested, includeDeleted),
                    includeDeleted,
                    texts,
                    visited);
        }
        texts.putIfAbsent(name, target.schema());
    }

    private static SchemaVersion target(
            RegistryView view, String referrer, SchemaReference reference, boolean includeDeleted) {
        String subject = QualifiedSubject.inContext(
                reference.subject(), QualifiedSubject.parse(referrer).context());
        var found = reference.version() == -1
                ? Subjects.latestLive(view, subject)
                : view.version(subject, reference.version()).filter(v -> includeDeleted || !v.deleted());
        return found.orElseThrow(() -> new SchemaParseException(
                "No schema reference found for subject \"" + subject + "\" and version " + reference.version(), null));
    }

    /** Confluent's 42201 text: the request as its {@code Schema} entity prints, the references, the type, the cause. */
    static String invalid(String subject, SchemaRequest request, String details) {
        String references = references(request.references());
        SchemaType type = request.schemaType();
        return "Invalid schema {subject=" + subject
                + ",version=" + (request.version() == null ? 0 : request.version())
                + ",id=" + (request.id() == null ? -1 : request.id())
                + ",schemaType=" + type
                + ",references=" + references
                + ",metadata=" + request.metadata()
                + ",ruleSet=" + request.ruleSet()
                + ",schema=" + request.schema()
                + ",schemaTags=null} with refs " + references
                + " of type " + type
                + ", details: " + details;
    }

    private static String references(List<SchemaReference> references) {
        List<String> printed = new ArrayList<>();
        for (SchemaReference reference : references) {
            printed.add("{name='" + reference.name() + "', subject='" + reference.subject() + "', version="
                    + reference.version() + "}");
        }
        return printed.toString();
    }
}
