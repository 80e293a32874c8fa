package dev.castle.domain;

/**
 * Confluent's error codes (spec §3): the HTTP status, the code in the body and the message template. Messages are
 * byte-exact where clients compare them; {@code %s} placeholders are filled by {@link RegistryException}.
 */
public enum ErrorCode {
    BAD_REQUEST(400, 400, "%s"),
    /** Missing or wrong credentials when an authfile is configured (spec §9); the answer carries a challenge. */
    UNAUTHORIZED(401, 401, "Unauthorized"),
    /** Credentials are fine but the user may not touch {@code Config:} (spec §9). */
    FORBIDDEN(403, 403, "Forbidden"),
    NOT_FOUND(404, 404, "HTTP 404 Not Found"),
    METHOD_NOT_ALLOWED(405, 405, "HTTP 405 Method Not Allowed"),
    NOT_ACCEPTABLE(406, 406, "HTTP 406 Not Acceptable"),
    UNSUPPORTED_MEDIA_TYPE(415, 415, "HTTP 415 Unsupported Media Type"),
    UNPROCESSABLE(422, 422, "%s"),
    SUBJECT_NOT_FOUND(404, 40401, "Subject '%s' not found."),
    VERSION_NOT_FOUND(404, 40402, "Version %s not found."),
    SCHEMA_NOT_FOUND(404, 40403, "Schema not found"),
    SCHEMA_ID_NOT_FOUND(404, 40403, "Schema %s not found"),
    SUBJECT_SOFT_DELETED(404, 40404, "Subject '%s' was soft deleted.Set permanent=true to delete permanently"),
    SUBJECT_NOT_SOFT_DELETED(404, 40405, "Subject '%s' was not deleted first before being permanently deleted"),
    VERSION_SOFT_DELETED(
            404, 40406, "Subject '%s' Version %s was soft deleted.Set permanent=true to delete permanently"),
    VERSION_NOT_SOFT_DELETED(
            404, 40407, "Subject '%s' Version %s was not deleted first before being permanently deleted"),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(
            404, 40408, "Subject '%s' does not have subject-level compatibility configured"),
    SUBJECT_MODE_NOT_CONFIGURED(404, 40409, "Subject '%s' does not have subject-level mode configured"),
    ASSOCIATION_NOT_FOUND(404, 40410, "Association for '%s' not found."),
    ASSOCIATION_FOR_RESOURCE_EXISTS(409, 40903, "An association of type '%s' already exists for resource '%s'"),
    ASSOCIATION_FOR_SUBJECT_EXISTS(409, 40904, "An association already exists for subject '%s'"),
    STRONG_ASSOCIATION_FOR_SUBJECT_EXISTS(409, 40905, "A strong association already exists for subject '%s'"),
    NO_ACTIVE_SUBJECT_VERSION(409, 40907, "No active (non-deleted) version exists for subject '%s'"),
    /** Confluent's template has two spaces before the type. */
    ASSOCIATION_FROZEN(409, 40908, "The association of type  '%s' is frozen for subject '%s'"),
    INCOMPATIBLE_SCHEMA(
            409, 409, "Schema being registered is incompatible with an earlier schema for subject \"%s\", details: %s"),
    INVALID_SCHEMA(422, 42201, "%s"),
    INVALID_VERSION(
            422,
            42202,
            "The specified version '%s' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\""),
    INVALID_COMPATIBILITY_LEVEL(
            422,
            42203,
            "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive"),
    INVALID_MODE(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD."),
    OPERATION_NOT_PERMITTED(422, 42205, "%s"),
    REFERENCE_EXISTS(
            422, 42206, "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=%s,version=%s}."),
    ID_DOES_NOT_MATCH(422, 42207, "The ID of an imported schema does not match the existing ID"),
    INVALID_SUBJECT(422, 42208, "The specified subject '%s' is not a valid."),
    SCHEMA_TOO_LARGE(422, 42209, "Register operation failed because schema is too large"),
    INVALID_RULESET(422, 42210, "%s"),
    CONTEXT_NOT_EMPTY(422, 42211, "The specified context '%s' is not empty."),
    INVALID_ASSOCIATION(422, 42212, "The association specified an invalid value for property: '%s', detail: %s"),
    STORE_ERROR(500, 50001, "%s"),
    OPERATION_TIMEOUT(500, 50002, "%s"),
    FORWARDING_ERROR(500, 50003, "%s"),
    UNKNOWN_LEADER(500, 50004, "%s"),
    INTERNAL_SERVER_ERROR(500, 500, "%s");

    private final int status;
    private final int code;
    private final String template;

    ErrorCode(int status, int code, String template) {
        this.status = status;
        this.code = code;
        this.template = template;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The {@code error_code} of the response body. */
    public int code() {
        return code;
    }

    /** The message template, with {@code %s} placeholders. */
    public String template() {
        return template;
    }

    /** The message with its placeholders filled. */
    public String message(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }
}
