package dev.castle.jsonschema;

/**
 * The kinds of difference Confluent's JSON Schema diff reports, each with whether it keeps data written with the
 * original schema readable by the updated one, and the sentence that describes it.
 */
public enum DifferenceType {
    ID_CHANGED(Description.UNDESCRIBED, true),
    DESCRIPTION_CHANGED(Description.UNDESCRIBED, true),
    TITLE_CHANGED(Description.UNDESCRIBED, true),
    DEFAULT_CHANGED(Description.UNDESCRIBED, true),
    SCHEMA_ADDED(Description.UNDESCRIBED, false),
    SCHEMA_REMOVED(Description.UNDESCRIBED, true),
    TYPE_EXTENDED(Description.UNDESCRIBED, true),
    TYPE_NARROWED(Description.TYPE_DIFFERENT, false),
    TYPE_CHANGED(Description.TYPE_DIFFERENT, false),
    MAX_LENGTH_ADDED(Description.KEYWORD_MISSING, false),
    MAX_LENGTH_REMOVED(Description.UNDESCRIBED, true),
    MAX_LENGTH_INCREASED(Description.UNDESCRIBED, true),
    MAX_LENGTH_DECREASED(Description.VALUE_LESS, false),
    MIN_LENGTH_ADDED(Description.KEYWORD_MISSING, false),
    MIN_LENGTH_REMOVED(Description.UNDESCRIBED, true),
    MIN_LENGTH_INCREASED(Description.VALUE_MORE, false),
    MIN_LENGTH_DECREASED(Description.UNDESCRIBED, true),
    PATTERN_ADDED(Description.KEYWORD_MISSING, false),
    PATTERN_REMOVED(Description.UNDESCRIBED, true),
    PATTERN_CHANGED(Description.VALUE_DIFFERENT, false),
    MAXIMUM_ADDED(Description.KEYWORD_MISSING, false),
    MAXIMUM_REMOVED(Description.UNDESCRIBED, true),
    MAXIMUM_INCREASED(Description.UNDESCRIBED, true),
    MAXIMUM_DECREASED(Description.VALUE_LESS, false),
    MINIMUM_ADDED(Description.KEYWORD_MISSING, false),
    MINIMUM_REMOVED(Description.UNDESCRIBED, true),
    MINIMUM_INCREASED(Description.VALUE_MORE, false),
    MINIMUM_DECREASED(Description.UNDESCRIBED, true),
    EXCLUSIVE_MAXIMUM_ADDED(Description.KEYWORD_MISSING, false),
    EXCLUSIVE_MAXIMUM_REMOVED(Description.UNDESCRIBED, true),
    EXCLUSIVE_MAXIMUM_INCREASED(Description.UNDESCRIBED, true),
    EXCLUSIVE_MAXIMUM_DECREASED(Description.VALUE_LESS, false),
    EXCLUSIVE_MINIMUM_ADDED(Description.KEYWORD_MISSING, false),
    EXCLUSIVE_MINIMUM_REMOVED(Description.UNDESCRIBED, true),
    EXCLUSIVE_MINIMUM_INCREASED(Description.VALUE_MORE, false),
    EXCLUSIVE_MINIMUM_DECREASED(Description.UNDESCRIBED, true),
    MULTIPLE_OF_ADDED(Description.KEYWORD_MISSING, false),
    MULTIPLE_OF_REMOVED(Description.UNDESCRIBED, true),
    MULTIPLE_OF_EXPANDED(Description.VALUE_MORE, false),
    MULTIPLE_OF_REDUCED(Description.UNDESCRIBED, true),
    MULTIPLE_OF_CHANGED(Description.VALUE_DIFFERENT, false),
    REQUIRED_ATTRIBUTE_ADDED(Description.KEYWORD_MISSING, false),
    REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(Description.UNDESCRIBED, true),
    REQUIRED_ATTRIBUTE_REMOVED(Description.UNDESCRIBED, true),
    MAX_PROPERTIES_ADDED(Description.KEYWORD_MISSING, false),
    MAX_PROPERTIES_REMOVED(Description.UNDESCRIBED, true),
    MAX_PROPERTIES_INCREASED(Description.UNDESCRIBED, true),
    MAX_PROPERTIES_DECREASED(Description.VALUE_LESS, false),
    MIN_PROPERTIES_ADDED(Description.KEYWORD_MISSING, false),
    MIN_PROPERTIES_REMOVED(Description.UNDESCRIBED, true),
    MIN_PROPERTIES_INCREASED(Description.VALUE_MORE, false),
    MIN_PROPERTIES_DECREASED(Description.UNDESCRIBED, true),
    ADDITIONAL_PROPERTIES_ADDED(Description.UNDESCRIBED, true),
    ADDITIONAL_PROPERTIES_REMOVED(Description.KEYWORD_MISSING, false),
    ADDITIONAL_PROPERTIES_EXTENDED(Description.UNDESCRIBED, true),
    ADDITIONAL_PROPERTIES_NARROWED(Description.FEWER_ELEMENTS, false),
    UNEVALUATED_PROPERTIES_ADDED(Description.UNDESCRIBED, true),
    UNEVALUATED_PROPERTIES_REMOVED(Description.KEYWORD_MISSING, false),
    UNEVALUATED_PROPERTIES_EXTENDED(Description.UNDESCRIBED, true),
    UNEVALUATED_PROPERTIES_NARROWED(Description.FEWER_ELEMENTS, false),
    DEPENDENCY_ARRAY_ADDED(Description.KEYWORD_MISSING, false),
    DEPENDENCY_ARRAY_REMOVED(Description.UNDESCRIBED, true),
    DEPENDENCY_ARRAY_EXTENDED(Description.MORE_ELEMENTS, false),
    DEPENDENCY_ARRAY_NARROWED(Description.UNDESCRIBED, true),
    DEPENDENCY_ARRAY_CHANGED(Description.VALUE_DIFFERENT, false),
    DEPENDENCY_SCHEMA_ADDED(Description.KEYWORD_MISSING, false),
    DEPENDENCY_SCHEMA_REMOVED(Description.UNDESCRIBED, true),
    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Description.ADDED_TO_OPEN, false),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL(Description.ADDED_TO_OPEN, false),
    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Description.ADDED_TO_OPEN, false),
    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Description.REQUIRED_ADDED_TO_UNOPEN, false),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(Description.UNDESCRIBED, true),
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Description.MISSING_FROM_CLOSED, false),
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.REMOVED_NOT_COVERED, false),
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.ADDED_NOT_COVERED, false),
    MAX_ITEMS_ADDED(Description.KEYWORD_MISSING, false),
    MAX_ITEMS_REMOVED(Description.UNDESCRIBED, true),
    MAX_ITEMS_INCREASED(Description.UNDESCRIBED, true),
    MAX_ITEMS_DECREASED(Description.VALUE_LESS, false),
    MIN_ITEMS_ADDED(Description.KEYWORD_MISSING, false),
    MIN_ITEMS_REMOVED(Description.UNDESCRIBED, true),
    MIN_ITEMS_INCREASED(Description.VALUE_MORE, false),
    MIN_ITEMS_DECREASED(Description.UNDESCRIBED, true),
    MAX_CONTAINS_ADDED(Description.KEYWORD_MISSING, false),
    MAX_CONTAINS_REMOVED(Description.UNDESCRIBED, true),
    MAX_CONTAINS_INCREASED(Description.UNDESCRIBED, true),
    MAX_CONTAINS_DECREASED(Description.VALUE_LESS, false),
    MIN_CONTAINS_ADDED(Description.KEYWORD_MISSING, false),
    MIN_CONTAINS_REMOVED(Description.UNDESCRIBED, true),
    MIN_CONTAINS_INCREASED(Description.VALUE_MORE, false),
    MIN_CONTAINS_DECREASED(Description.UNDESCRIBED, true),
    UNIQUE_ITEMS_ADDED(Description.KEYWORD_MISSING, false),
    UNIQUE_ITEMS_REMOVED(Description.UNDESCRIBED, true),
    ADDITIONAL_ITEMS_ADDED(Description.UNDESCRIBED, true),
    ADDITIONAL_ITEMS_REMOVED(Description.KEYWORD_MISSING, false),
    ADDITIONAL_ITEMS_EXTENDED(Description.UNDESCRIBED, true),
    ADDITIONAL_ITEMS_NARROWED(Description.FEWER_ELEMENTS, false),
    UNEVALUATED_ITEMS_ADDED(Description.UNDESCRIBED, true),
    UNEVALUATED_ITEMS_REMOVED(Description.KEYWORD_MISSING, false),
    UNEVALUATED_ITEMS_EXTENDED(Description.UNDESCRIBED, true),
    UNEVALUATED_ITEMS_NARROWED(Description.FEWER_ELEMENTS, false),
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL(Description.ADDED_TO_OPEN, false),
    ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(Description.UNDESCRIBED, true),
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(Description.UNDESCRIBED, true),
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(Description.MISSING_FROM_CLOSED, false),
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.REMOVED_NOT_COVERED, false),
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.UNDESCRIBED, true),
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Description.ADDED_NOT_COVERED, false),
    ENUM_ARRAY_EXTENDED(Description.UNDESCRIBED, true),
    ENUM_ARRAY_NARROWED(Description.FEWER_ELEMENTS, false),
    ENUM_ARRAY_CHANGED(Description.TYPE_DIFFERENT, false),
    COMBINED_TYPE_EXTENDED(Description.UNDESCRIBED, true),
    COMBINED_TYPE_CHANGED(Description.TYPE_DIFFERENT, false),
    PRODUCT_TYPE_EXTENDED(Description.MORE_ELEMENTS, false),
    PRODUCT_TYPE_NARROWED(Description.UNDESCRIBED, true),
    SUM_TYPE_EXTENDED(Description.MORE_ELEMENTS, true),
    SUM_TYPE_NARROWED(Description.FEWER_ELEMENTS, false),
    COMBINED_TYPE_SUBSCHEMAS_CHANGED(Description.TYPE_DIFFERENT, false),
    NOT_TYPE_EXTENDED(Description.MORE_ELEMENTS, false),
    NOT_TYPE_NARROWED(Description.UNDESCRIBED, true);

    private final Description description;
    private final boolean compatible;

    DifferenceType(Description description, boolean compatible) {
        this.description = description;
        this.compatible = compatible;
    }

    boolean compatible() {
        return compatible;
    }

    /** The description of this difference at {@code path}, naming the schemas {@code reader} and {@code writer}. */
    String describe(String path, String reader, String writer) {
        return description.text(path, reader, writer);
    }

    /** Confluent's sentences; {@code %1$s} is the reading schema and {@code %2$s} the writing one. */
    private enum Description {
        KEYWORD_MISSING("The keyword at path '%3$s' in the %1$s schema is not present in the %2$s schema"),
        VALUE_MORE("The value at path '%3$s' in the %1$s schema is more than its value in the %2$s schema"),
        VALUE_LESS("The value at path '%3$s' in the %1$s schema is less than its value in the %2$s schema"),
        VALUE_DIFFERENT("The value at path '%3$s' is different between the %1$s and %2$s schema"),
        FEWER_ELEMENTS("An array or combined type at path '%3$s' has fewer elements in the %1$s schema than the %2$s"
                + " schema"),
        MORE_ELEMENTS("An array or combined type at path '%3$s' has more elements in the %1$s schema than the %2$s"
                + " schema"),
        TYPE_DIFFERENT("A type at path '%3$s' is different between the %1$s schema and the %2$s schema"),
        ADDED_TO_OPEN("The %1$s schema has an open content model and has a property or item at path '%3$s' which is"
                + " missing in the %2$s schema"),
        REQUIRED_ADDED_TO_UNOPEN("The %1$s schema has an unopen content model and has a required property at path"
                + " '%3$s' which is missing in the %2$s schema"),
        MISSING_FROM_CLOSED("The %1$s has a closed content model and is missing a property or item present at path"
                + " '%3$s' in the %2$s schema"),
        REMOVED_NOT_COVERED("A property or item is missing in the %1$s schema but present at path '%3$s' in the %2$s"
                + " schema and is not covered by its partially open content model"),
        ADDED_NOT_COVERED("The %1$s schema has a property or item at path '%3$s' which is missing in the %2$s schema"
                + " and is not covered by its partially open content model"),
        UNDESCRIBED("");

        private final String template;

        Description(String template) {
            this.template = template;
        }

        String text(String path, String reader, String writer) {
            return template.replace("%1$s", reader).replace("%2$s", writer).replace("%3$s", path);
        }
    }
}
