package dev.castle.domain.decide;

import dev.castle.domain.ContractForm;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Confluent's {@code canLookup} (spec §4.3): a live version matches a candidate when both describe the same schema
 * once references are inlined, with equal references (or the candidate sent with every reference inlined), and the
 * same metadata and rule set.
 */
final class SchemaMatcher {
    private final SchemaResolver resolver;

    SchemaMatcher(SchemaResolver resolver) {
        this.resolver = resolver;
    }

    /** The newest of {@code versions} matching the candidate (and carrying {@code id} unless it is negative). */
    Optional<SchemaVersion> newestMatch(
            RegistryView view, List<SchemaVersion> versions, SchemaVersion candidate, ParsedSchema parsed, int id) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            SchemaVersion version = versions.get(i);
            if ((id < 0 || version.id() == id) && matches(view, candidate, parsed, version)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    boolean matches(RegistryView view, SchemaVersion candidate, ParsedSchema parsed, SchemaVersion stored) {
        if (stored.schemaType() != candidate.schemaType()
                || !sameMetadata(candidate, stored)
                || !Objects.equals(stored.ruleSet(), candidate.ruleSet())) {
            return false;
        }
        boolean inlined =
                candidate.references().isEmpty() && !stored.references().isEmpty();
        if (!inlined && !candidate.references().equals(stored.references())) {
            return false;
        }
        if (!inlined && stored.schema().equals(candidate.schema())) {
            return true;
        }
        ParsedSchema old;
        try {
            old = resolver.parseStored(view, stored);
        } catch (SchemaParseException e) {
            return false;
        }
        if (candidate.references().isEmpty() && stored.references().isEmpty()) {
            // without references the resolved text is the canonical one, already computed on both sides
            return old.canonical().equals(candidate.schema());
        }
        return parsed.sameResolvedSchema(old);
    }

    /**
     * Equal metadata, where {@code confluent:version} on one side only is left out of the comparison (Confluent's
     * {@code canLookupIgnoringVersion}): a stored version that has it matches a candidate sent without it, and a
     * candidate that names it matches a stored version without it only when it names that version's number.
     */
    static boolean sameMetadata(SchemaVersion candidate, SchemaVersion stored) {
        if (Objects.equals(stored.metadata(), candidate.metadata())) {
            return true;
        }
        String asked = ContractForm.confluentVersion(candidate.metadata());
        String kept = ContractForm.confluentVersion(stored.metadata());
        if (asked == null && kept != null) {
            return orEmpty(candidate.metadata())
                    .equals(orEmpty(ContractForm.withoutConfluentVersion(stored.metadata())));
        }
        if (asked != null && kept == null) {
            return asked.equals(String.valueOf(stored.version()))
                    && orEmpty(ContractForm.withoutConfluentVersion(candidate.metadata()))
                            .equals(orEmpty(stored.metadata()));
        }
        return false;
    }

    private static String orEmpty(String metadata) {
        return metadata == null ? "{}" : metadata;
    }
}
