package dev.castle.domain.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.Command;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.ResponseBodies;
import java.util.List;
import java.util.Optional;

/** {@code PUT} and {@code DELETE /config[/{s}]} (spec §2.5): set fields merge into the stored record. */
final class ConfigRules {

    private final RegistrySettings settings;
    private final Scopes scopes;

    ConfigRules(RegistrySettings settings, Scopes scopes) {
        this.settings = settings;
        this.scopes = scopes;
    }

    Decision set(Command.SetConfig command, RegistryView view) {
        String level = Subjects.level(command.subject());
        if (level != null) {
            Subjects.validate(command.subject(), true);
        }
        validateRuleSets(command.config());
        checkWritable(view, level);
        ConfigValue merged = merge(view.config(level).orElse(null), command.config());
        return new Decision(
                List.of(new Event.ConfigSet(level, merged)),
                ResponseBodies.config(merged, ResponseBodies.REQUEST_LEVEL));
    }

    /** A config's {@code defaultRuleSet} and {@code overrideRuleSet} pass the checks a registration's does (42210). */
    private static void validateRuleSets(ConfigValue config) {
        if (config.other() == null) {
            return;
        }
        JsonNode other = Jackson.stored(config.other());
        for (String name : List.of(DataContracts.DEFAULT_RULE_SET, DataContracts.OVERRIDE_RULE_SET)) {
            JsonNode ruleSet = other.get(name);
            if (ruleSet != null && !ruleSet.isNull()) {
                RuleSets.validate(ruleSet.toString());
            }
        }
    }

    Decision delete(Command.DeleteConfig command, RegistryView view) {
        String level = Subjects.level(command.subject());
        Optional<ConfigValue> previous = view.config(level);
        if (level != null && previous.isEmpty()) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, level);
        }
        checkWritable(view, level);
        ConfigValue answered = withLevel(previous.orElse(ConfigValue.of(null)));
        return new Decision(
                List.of(new Event.ConfigCleared(level)),
                ResponseBodies.config(answered, ResponseBodies.RESPONSE_LEVEL));
    }

    private void checkWritable(RegistryView view, String level) {
        if (scopes.readOnly(view, level)) {
            throw Registration.notPermitted("Subject " + level + " in context "
                    + (level == null ? "" : Subjects.contextText(level)) + " is in read-only mode");
        }
    }

    /** Confluent fills a record without a level with the server default when it answers. */
    private ConfigValue withLevel(ConfigValue config) {
        if (config.compatibilityLevel() != null) {
            return config;
        }
        return new ConfigValue(
                config.alias(),
                config.normalize(),
                config.validateFields(),
                config.validateRules(),
                settings.defaultCompatibility(),
                config.compatibilityGroup(),
                config.other());
    }

    static ConfigValue merge(ConfigValue old, ConfigValue update) {
        if (old == null) {
            return update;
        }
        return new ConfigValue(
                pick(update.alias(), old.alias()),
                pick(update.normalize(), old.normalize()),
                pick(update.validateFields(), old.validateFields()),
                pick(update.validateRules(), old.validateRules()),
                pick(update.compatibilityLevel(), old.compatibilityLevel()),
                pick(update.compatibilityGroup(), old.compatibilityGroup()),
                mergeOther(old.other(), update.other()));
    }

    private static <T> T pick(T update, T old) {
        return update != null ? update : old;
    }

    private static String mergeOther(String old, String update) {
        if (old == null || update == null) {
            return pick(update, old);
        }
        ObjectNode merged = (ObjectNode) Jackson.stored(old);
        merged.setAll((ObjectNode) Jackson.stored(update));
        return merged.toString();
    }
}
