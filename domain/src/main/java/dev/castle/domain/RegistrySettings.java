package dev.castle.domain;

/**
 * Server-side defaults the rules need: {@code schema.compatibility.level}, {@code mode.mutability},
 * {@code schema.search.default.limit}, {@code schema.search.max.limit},
 * {@code schema.providers.avro.validate.defaults} and {@code schema.validate.fields}.
 *
 * @param avroValidateDefaults whether the defaults of new Avro schemas are checked against their types even when the
 *     schema is not normalized (normalized ones always are); Castle's default is on, Confluent 7.x's off
 * @param validateFields whether reserved fields are validated when no config in scope says ({@code validateFields}
 *     unset); off by default, as in Confluent
 */
public record RegistrySettings(
        CompatibilityLevel defaultCompatibility,
        boolean modeMutability,
        int searchDefaultLimit,
        int searchMaxLimit,
        boolean avroValidateDefaults,
        boolean validateFields) {

    public RegistrySettings(
            CompatibilityLevel defaultCompatibility,
            boolean modeMutability,
            int searchDefaultLimit,
            int searchMaxLimit,
            boolean avroValidateDefaults) {
        this(defaultCompatibility, modeMutability, searchDefaultLimit, searchMaxLimit, avroValidateDefaults, false);
    }

    public static RegistrySettings defaults() {
        return new RegistrySettings(CompatibilityLevel.BACKWARD, true, 1000, 1000, true, false);
    }

    public RegistrySettings withAvroValidateDefaults(boolean validate) {
        return new RegistrySettings(
                defaultCompatibility, modeMutability, searchDefaultLimit, searchMaxLimit, validate, validateFields);
    }

    public RegistrySettings withValidateFields(boolean validate) {
        return new RegistrySettings(
                defaultCompatibility,
                modeMutability,
                searchDefaultLimit,
                searchMaxLimit,
                avroValidateDefaults,
                validate);
    }
}
