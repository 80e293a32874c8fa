package dev.castle.domain;

/**
 * Server-side defaults the rules need: {@code schema.compatibility.level}, {@code mode.mutability},
 * {@code schema.search.default.limit} and {@code schema.search.max.limit}.
 */
public record RegistrySettings(
        CompatibilityLevel defaultCompatibility, boolean modeMutability, int searchDefaultLimit, int searchMaxLimit) {

    public static RegistrySettings defaults() {
        return new RegistrySettings(CompatibilityLevel.BACKWARD, true, 1000, 1000);
    }
}
