package dev.castle.domain;

import java.util.List;

/**
 * The body of {@code POST /subjects/{s}/versions/{v}/tags} (Confluent's {@code TagSchemaRequest}, 7.6+): a new version
 * derived from version {@code v} with tags edited, and optionally a new metadata, a new rule set, or rules merged into
 * and removed from the previous version's. {@code newVersion} is null when absent; JSON values are compact, or null.
 */
public record TagRequest(
        Integer newVersion,
        List<SchemaTags> tagsToAdd,
        List<SchemaTags> tagsToRemove,
        String metadata,
        String ruleSet,
        String rulesToMerge,
        List<String> rulesToRemove) {

    public TagRequest {
        tagsToAdd = tagsToAdd == null ? List.of() : List.copyOf(tagsToAdd);
        tagsToRemove = tagsToRemove == null ? List.of() : List.copyOf(tagsToRemove);
        metadata = ContractForm.metadata(metadata);
        ruleSet = ContractForm.ruleSet(ruleSet);
        rulesToMerge = ContractForm.ruleSet(rulesToMerge);
        rulesToRemove = rulesToRemove == null ? null : List.copyOf(rulesToRemove);
    }
}
