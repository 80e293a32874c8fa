package dev.castle.domain;

/**
 * Server-side defaults the rules need: {@code schema.compatibility.level}, {@code mode.mutability},
 * {@code schema.search.default.limit}, {@code schema.search.max.limit} and
 * {@code schema.providers.avro.validate.defaults}.
 *
 * @param avroValidateDefaults whether the defaults of new Avro schemas are checked against their types even when the
 *     schema is not normalized (normalized ones always are); Castle's default is on, Confluent 7.x's off
 */
public record RegistrySettings(
        CompatibilityLevel defaultCompatibility,
        boolean modeMutability,
        int searchDefaultLimit,
        int searchMaxLimit,
        boolean avroValidateDefaults) {

    public static RegistrySettings defaults() {
        return new RegistrySettings(CompatibilityLevel.BACKWARD, true, 1000, 1000, true);
    }

    public RegistrySettings withAvroValidateDefaults(boolean validate) {
        return new RegistrySettings(defaultCompatibility, modeMutability, searchDefaultLimit, searchMaxLimit, validate);
    }
}
