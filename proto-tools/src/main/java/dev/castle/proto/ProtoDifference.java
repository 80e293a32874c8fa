package dev.castle.proto;

/**
 * One difference between two versions of a Protobuf schema, as Confluent's Protobuf compatibility checker names
 * it.
 *
 * @param type Confluent's difference type
 * @param path where it is: {@code #/Message/Nested/tag}, with a oneof's name before its fields' tags
 * @param description Confluent's text for incompatible types (with the schemas named "new" and "old" as the caller
 *     chose); a short description for compatible ones
 */
public record ProtoDifference(Type type, String path, String description) {

    /** Whether a reader of the update can read data written with the original. */
    public boolean compatible() {
        return type.compatible();
    }

    /** Confluent's message form: {@code {errorType:"TYPE", description:"text"}}. */
    public String render() {
        return "{errorType:\"" + type + "\", description:\"" + description + "\"}";
    }

    /** Confluent's difference types; the text templates take the path, the update's and the original's labels. */
    public enum Type {
        PACKAGE_CHANGED(
                false, "The package at '%1$s' in the %2$s schema does not match the package in the %3$s schema"),
        MESSAGE_ADDED(true, "A MESSAGE type at path '%1$s' in the %2$s schema is new to the %3$s schema"),
        MESSAGE_REMOVED(false, "The %2$s schema is missing a MESSAGE type at path '%1$s' in the %3$s schema"),
        MESSAGE_MOVED(
                true, "The MESSAGE type at path '%1$s' in the %2$s schema moved from its place in the %3$s schema"),
        ENUM_ADDED(true, "An ENUM type at path '%1$s' in the %2$s schema is new to the %3$s schema"),
        ENUM_REMOVED(true, "The %2$s schema is missing an ENUM type at path '%1$s' in the %3$s schema"),
        ENUM_CONST_ADDED(true, "An enum constant at path '%1$s' in the %2$s schema is new to the %3$s schema"),
        ENUM_CONST_CHANGED(true, "The enum constant at path '%1$s' in the %2$s schema is renamed from the %3$s schema"),
        ENUM_CONST_REMOVED(true, "The %2$s schema is missing an enum constant at path '%1$s' in the %3$s schema"),
        FIELD_ADDED(true, "A field at path '%1$s' in the %2$s schema is new to the %3$s schema"),
        FIELD_REMOVED(true, "The %2$s schema is missing a field at path '%1$s' in the %3$s schema"),
        FIELD_NAME_CHANGED(true, "The field at path '%1$s' in the %2$s schema is renamed from the %3$s schema"),
        FIELD_KIND_CHANGED(
                false, "The type of a field at path '%1$s' in the %2$s schema does not match the %3$s schema"),
        FIELD_SCALAR_KIND_CHANGED(
                false,
                "The kind of a SCALAR field at path '%1$s' in the %2$s schema does not match its kind in the %3$s schema"),
        FIELD_NAMED_TYPE_CHANGED(
                false,
                "The type of a MESSAGE field at path '%1$s' in the %2$s schema does not match its type in the %3$s schema"),
        FIELD_NUMERIC_LABEL_CHANGED(
                false,
                "The label for a NUMERIC field at path '%1$s' in the %2$s schema does not match its label in the %3$s"
                        + " schema"),
        FIELD_STRING_OR_BYTES_LABEL_CHANGED(
                true,
                "The label for a STRING or BYTES field at path '%1$s' in the %2$s schema differs from the %3$s schema"),
        REQUIRED_FIELD_ADDED(
                false, "A required field  at path '%1$s' in the %2$s schema is missing in the %3$s schema"),
        REQUIRED_FIELD_REMOVED(false, "The %2$s schema is missing a required field at path: '%1$s' in the %3$s schema"),
        ONEOF_ADDED(true, "A oneof at path '%1$s' in the %2$s schema is new to the %3$s schema"),
        ONEOF_REMOVED(true, "The %2$s schema is missing a oneof at path '%1$s' in the %3$s schema"),
        ONEOF_FIELD_ADDED(true, "A oneof field at path '%1$s' in the %2$s schema is new to the %3$s schema"),
        ONEOF_FIELD_REMOVED(false, "The %2$s schema is missing a oneof field at path '%1$s' in the %3$s schema"),
        MULTIPLE_FIELDS_MOVED_TO_ONEOF(
                false,
                "Multiple fields in the oneof at path '%1$s' in the %2$s schema are outside a oneof in the %3$s schema"),
        FIELD_MOVED_TO_EXISTING_ONEOF(
                false,
                "A field in the oneof at path '%1$s' in the %2$s schema is outside an existing oneof in the %3$s"
                        + " schema");

        private final boolean compatible;
        private final String template;

        Type(boolean compatible, String template) {
            this.compatible = compatible;
            this.template = template;
        }

        public boolean compatible() {
            return compatible;
        }

        /** The description at a path, naming the update and the original schema (e.g. "new" and "old"). */
        public String describe(String path, String updateLabel, String originalLabel) {
            return String.format(template, path, updateLabel, originalLabel);
        }
    }
}
