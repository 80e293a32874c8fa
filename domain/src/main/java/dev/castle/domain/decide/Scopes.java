package dev.castle.domain.decide;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import java.util.Optional;
import java.util.function.Function;

/**
 * Config and mode in scope for a subject (spec §2.5, §2.6): the subject's own record, else its context's ({@code :.ctx:})
 * or the global one for the default context, else {@code :.__GLOBAL:}, else the server default. A global
 * READONLY_OVERRIDE mode overrides every subject.
 */
final class Scopes {
    static final String GLOBAL_PSEUDO_CONTEXT = ":.__GLOBAL:";

    private final RegistrySettings settings;

    Scopes(RegistrySettings settings) {
        this.settings = settings;
    }

    /**
     * The config record in scope, or empty when only the server default applies. A subject's own record takes the
     * flags it leaves unset ({@code normalize}, {@code validateFields}, {@code validateRules},
     * {@code compatibilityGroup}) from the global record, as Confluent's {@code mergeConfigs} does; its level, alias
     * and data-contract defaults stay its own.
     */
    Optional<ConfigValue> configRecord(RegistryView view, String subject) {
        Optional<ConfigValue> own = subject == null ? Optional.empty() : view.config(subject);
        if (own.isEmpty()) {
            return inScope(subject, view::config);
        }
        Optional<ConfigValue> global = view.config(null);
        if (global.isEmpty()) {
            return own;
        }
        ConfigValue mine = own.get();
        ConfigValue top = global.get();
        return Optional.of(new ConfigValue(
                mine.alias(),
                mine.normalize() != null ? mine.normalize() : top.normalize(),
                mine.validateFields() != null ? mine.validateFields() : top.validateFields(),
                mine.validateRules() != null ? mine.validateRules() : top.validateRules(),
                mine.compatibilityLevel(),
                mine.compatibilityGroup() != null ? mine.compatibilityGroup() : top.compatibilityGroup(),
                mine.other()));
    }

    /** The compatibility level in scope. */
    CompatibilityLevel compatibility(RegistryView view, String subject) {
        CompatibilityLevel level =
                configRecord(view, subject).map(ConfigValue::compatibilityLevel).orElse(null);
        return level != null ? level : settings.defaultCompatibility();
    }

    /** True when the config in scope asks for normalization. */
    boolean normalize(RegistryView view, String subject) {
        return configRecord(view, subject)
                .map(c -> Boolean.TRUE.equals(c.normalize()))
                .orElse(false);
    }

    /** True when the config in scope turns on reserved-field validation, or leaves it to the server's default. */
    boolean validateFields(RegistryView view, String subject) {
        return configRecord(view, subject).map(ConfigValue::validateFields).orElse(settings.validateFields());
    }

    /** The mode in scope. */
    Mode mode(RegistryView view, String subject) {
        Mode global = inScope(null, view::mode).orElse(Mode.READWRITE);
        if (global == Mode.READONLY_OVERRIDE) {
            return global;
        }
        return inScope(subject, view::mode).orElse(Mode.READWRITE);
    }

    /** The mode recorded for exactly this level (null is global), honouring a global READONLY_OVERRIDE. */
    Optional<Mode> modeRecord(RegistryView view, String subject) {
        Optional<Mode> global = view.mode(null);
        if (global.isPresent() && global.get() == Mode.READONLY_OVERRIDE) {
            return global;
        }
        if (subject == null) {
            return Optional.of(global.orElse(Mode.READWRITE));
        }
        return view.mode(subject);
    }

    boolean readOnly(RegistryView view, String subject) {
        Mode mode = mode(view, subject);
        return mode == Mode.READONLY || mode == Mode.READONLY_OVERRIDE;
    }

    boolean importing(RegistryView view, String subject) {
        Mode mode = mode(view, subject);
        return mode == Mode.IMPORT || mode == Mode.FORWARD;
    }

    private static <T> Optional<T> inScope(String subject, Function<String, Optional<T>> lookup) {
        if (subject != null) {
            Optional<T> own = lookup.apply(subject);
            if (own.isPresent()) {
                return own;
            }
        }
        QualifiedSubject qualified = QualifiedSubject.parse(subject);
        Optional<T> level = subject != null && !qualified.isDefaultContext()
                ? lookup.apply(qualified.contextPrefix())
                : lookup.apply(null);
        return level.isPresent() ? level : lookup.apply(GLOBAL_PSEUDO_CONTEXT);
    }
}
