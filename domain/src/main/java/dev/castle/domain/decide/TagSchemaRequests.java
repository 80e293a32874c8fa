package dev.castle.domain.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.Command;
import dev.castle.domain.ContractForm;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.TagChanges;
import dev.castle.domain.TagRequest;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.json.Jackson;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /subjects/{s}/versions/{v}/tags} as the registration it stands for (Confluent's
 * {@code modifySchemaTags}): version {@code v}'s schema and references with the tags edited, the sent metadata (else
 * version {@code v}'s) with {@code confluent:version} set to {@code newVersion}, and the sent rule set, or the previous
 * version's with {@code rulesToMerge} merged in and {@code rulesToRemove} taken out.
 */
final class TagSchemaRequests {
    private static final List<String> RULE_LISTS = List.of("migrationRules", "domainRules", "encodingRules");

    private TagSchemaRequests() {}

    static Command.RegisterSchema toRegistration(Command.TagSchema command, RegistryView view) {
        Subjects.validate(command.subject(), false);
        String subject = Subjects.qualified(command.subject());
        TagRequest request = command.request();
        boolean incremental = request.rulesToMerge() != null || request.rulesToRemove() != null;
        if (incremental && request.ruleSet() != null) {
            throw RegistryException.withMessage(
                    ErrorCode.INVALID_RULESET, "ruleSet should be omitted if specifying rulesToMerge or rulesToRemove");
        }
        RuleSets.validate(request.rulesToMerge());
        RuleSets.validate(request.ruleSet());
        SchemaVersion base = base(view, subject, command.version());
        int newVersion = request.newVersion() == null ? 0 : request.newVersion();
        String metadata = ContractForm.withConfluentVersion(
                request.metadata() != null ? request.metadata() : base.metadata(), newVersion);
        String ruleSet = incremental ? modifiedRuleSet(view, subject, request, newVersion) : request.ruleSet();
        SchemaRequest registration = new SchemaRequest(
                base.schema(),
                base.schemaType(),
                base.references(),
                null,
                newVersion == 0 ? null : newVersion,
                metadata,
                ruleSet,
                new TagChanges(request.tagsToAdd(), request.tagsToRemove(), false));
        return new Command.RegisterSchema(command.subject(), registration, false);
    }

    private static SchemaVersion base(RegistryView view, String subject, int version) {
        Optional<SchemaVersion> found = version == VersionSpec.LATEST
                ? Subjects.latestLive(view, subject)
                : view.version(subject, version).filter(v -> !v.deleted());
        if (found.isPresent()) {
            return found.get();
        }
        if (Subjects.live(view, subject).isEmpty()) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject);
        }
        throw new RegistryException(ErrorCode.VERSION_NOT_FOUND, version);
    }

    /** The rule set of the version before {@code newVersion} (the latest when none is asked), merged and pruned. */
    private static String modifiedRuleSet(RegistryView view, String subject, TagRequest request, int newVersion) {
        Optional<SchemaVersion> previous = newVersion > 1
                ? view.version(subject, newVersion - 1).filter(v -> !v.deleted())
                : newVersion == 0 ? Subjects.latestLive(view, subject) : Optional.empty();
        String ruleSet = previous.map(SchemaVersion::ruleSet).orElse(null);
        if (request.rulesToMerge() != null) {
            ruleSet = DataContracts.mergeRuleSets(ruleSet, request.rulesToMerge());
        }
        if (ruleSet == null || request.rulesToRemove() == null) {
            return ruleSet;
        }
        ObjectNode pruned = (ObjectNode) Jackson.stored(ruleSet);
        for (String list : RULE_LISTS) {
            if (pruned.get(list) instanceof ArrayNode rules) {
                ArrayNode kept = pruned.putArray(list);
                for (JsonNode rule : rules) {
                    if (!request.rulesToRemove().contains(rule.path("name").asText(null))) {
                        kept.add(rule);
                    }
                }
            }
        }
        return ContractForm.ruleSet(pruned.toString());
    }
}
