package dev.castle.domain.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.json.Jackson;
import java.util.HashSet;
import java.util.Set;

/**
 * The checks Confluent makes of a registration's rule set before anything else (42210): unique rule names of at most
 * 256 letters, digits, {@code _} and {@code -} starting with a letter or {@code _}; a type; migration rules in
 * UPGRADE/DOWNGRADE/UPDOWN mode and domain rules in WRITE/READ/WRITEREAD (the default); several comma-separated
 * actions only in the two-way modes.
 */
final class RuleSets {
    private static final int NAME_MAX_LENGTH = 256;
    private static final Set<String> MIGRATION_MODES = Set.of("UPGRADE", "DOWNGRADE", "UPDOWN");
    private static final Set<String> DOMAIN_MODES = Set.of("WRITE", "READ", "WRITEREAD");

    private RuleSets() {}

    /** Throws 42210 with Confluent's message when the rule set (raw JSON, or null) is not valid. */
    static void validate(String ruleSet) {
        if (ruleSet == null) {
            return;
        }
        JsonNode rules = Jackson.stored(ruleSet);
        Set<String> names = new HashSet<>();
        check(
                rules.path("migrationRules"),
                names,
                MIGRATION_MODES,
                "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN");
        check(rules.path("domainRules"), names, DOMAIN_MODES, "Domain rules can only be WRITE, READ, WRITEREAD");
    }

    private static void check(JsonNode rules, Set<String> names, Set<String> modes, String wrongMode) {
        for (JsonNode rule : rules) {
            String name = text(rule, "name");
            if (!names.add(name)) {
                throw invalid("Found rule with duplicate name '" + name + "'");
            }
            checkName(name);
            if (text(rule, "type") == null) {
                throw invalid("Missing rule type");
            }
            String mode = text(rule, "mode") == null ? "WRITEREAD" : text(rule, "mode");
            checkAction(mode, text(rule, "onSuccess"));
            checkAction(mode, text(rule, "onFailure"));
            if (!modes.contains(mode)) {
                throw invalid(wrongMode);
            }
        }
    }

    private static void checkName(String name) {
        if (name == null) {
            throw invalid("Missing rule name");
        }
        if (name.isEmpty()) {
            throw invalid("Empty rule name");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw invalid("Rule name too long");
        }
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            throw invalid("Illegal initial character in rule name: " + name);
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
                throw invalid("Illegal character in rule name: " + name);
            }
        }
    }

    private static void checkAction(String mode, String action) {
        if (!"WRITEREAD".equals(mode) && !"UPDOWN".equals(mode) && action != null && action.indexOf(',') >= 0) {
            throw invalid("Multiple actions only valid with WRITEREAD and UPDOWN");
        }
    }

    private static String text(JsonNode rule, String field) {
        JsonNode value = rule.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static RegistryException invalid(String message) {
        return RegistryException.withMessage(ErrorCode.INVALID_RULESET, message);
    }
}
