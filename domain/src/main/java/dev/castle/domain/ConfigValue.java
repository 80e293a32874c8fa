package dev.castle.domain;

/**
 * A CONFIG record's value (spec §5.3) for a subject, a context ({@code :.ctx:}) or globally. Any field may be null
 * when it was not set; {@code other} keeps the raw compact JSON of properties Castle does not interpret
 * (defaultMetadata, overrideRuleSet, …) so they survive a round trip, or is null.
 */
public record ConfigValue(
        String alias,
        Boolean normalize,
        Boolean validateFields,
        Boolean validateRules,
        CompatibilityLevel compatibilityLevel,
        String compatibilityGroup,
        String other) {

    public static ConfigValue of(CompatibilityLevel level) {
        return new ConfigValue(null, null, null, null, level, null, null);
    }
}
