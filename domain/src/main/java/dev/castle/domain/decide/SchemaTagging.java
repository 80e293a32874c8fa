package dev.castle.domain.decide;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaTagException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema tags on registration (Confluent 7.6+): {@code schemaTagsToAdd}/{@code schemaTagsToRemove} are written into
 * the sent schema's text before anything else looks at it, and the request then asks for the next version (so the
 * stored metadata carries {@code confluent:version}); {@code propagateSchemaTags} copies the tags of the subject's
 * latest live version onto the same entities of the new schema. A path that names nothing is 42201 with Confluent's
 * message.
 */
final class SchemaTagging {
    private final SchemaResolver resolver;

    SchemaTagging(SchemaResolver resolver) {
        this.resolver = resolver;
    }

    /** The request with its tag edits applied to its schema, or the request itself when it has none. */
    SchemaRequest edited(RegistryView view, String subject, SchemaRequest request) {
        if (!request.tags().edits()) {
            return request;
        }
        ParsedSchema parsed =
                resolver.parseRequest(view, subject, request, false, false).schema();
        String text = withTags(
                parsed,
                SchemaTags.byEntity(request.tags().add()),
                SchemaTags.byEntity(request.tags().remove()));
        return request.withSchema(text, request.version() == null ? -1 : request.version());
    }

    /** The request with the latest live version's tags added, when it asks for that and there are any. */
    SchemaRequest propagated(RegistryView view, String subject, SchemaRequest request, List<SchemaVersion> live) {
        if (!request.tags().propagate() || live.isEmpty() || !request.hasSchema()) {
            return request;
        }
        Map<SchemaEntity, Set<String>> previous =
                resolver.parseStored(view, live.get(live.size() - 1)).taggedEntities();
        if (previous.isEmpty()) {
            return request;
        }
        ParsedSchema parsed =
                resolver.parseRequest(view, subject, request, false, false).schema();
        return request.withSchema(withTags(parsed, previous, Map.of()), request.version());
    }

    private static String withTags(
            ParsedSchema parsed, Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        try {
            return parsed.withTags(add, remove).canonical();
        } catch (SchemaTagException e) {
            throw RegistryException.withMessage(ErrorCode.INVALID_SCHEMA, e.confluentMessage());
        }
    }
}
