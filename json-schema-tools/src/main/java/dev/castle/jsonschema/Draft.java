package dev.castle.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The JSON Schema drafts Castle accepts, each with its meta-schema; a schema without {@code $schema} is draft-07. */
public enum Draft {
    DRAFT_4("draft-04", VersionFlag.V4, "http://json-schema.org/draft-04/schema#"),
    DRAFT_6("draft-06", VersionFlag.V6, "http://json-schema.org/draft-06/schema#"),
    DRAFT_7("draft-07", VersionFlag.V7, "http://json-schema.org/draft-07/schema#"),
    DRAFT_2019_09("2019-09", VersionFlag.V201909, "https://json-schema.org/draft/2019-09/schema"),
    DRAFT_2020_12("2020-12", VersionFlag.V202012, "https://json-schema.org/draft/2020-12/schema");

    private final String marker;
    private final VersionFlag flag;
    private final String metaSchema;
    private volatile JsonSchema validator;

    Draft(String marker, VersionFlag flag, String metaSchema) {
        this.marker = marker;
        this.flag = flag;
        this.metaSchema = metaSchema;
    }

    /** The draft a schema declares with {@code $schema}; draft-07 when it declares none or one Castle does not know. */
    static Draft of(JsonNode schema) {
        JsonNode declared = schema.isObject() ? schema.get("$schema") : null;
        if (declared != null && declared.isTextual()) {
            for (Draft draft : values()) {
                if (declared.asText().contains(draft.marker)) {
                    return draft;
                }
            }
        }
        return DRAFT_7;
    }

    boolean atLeast(Draft other) {
        return compareTo(other) >= 0;
    }

    /** Why {@code schema} is not valid against this draft's meta-schema; empty when it is. */
    public List<String> violations(JsonNode schema) {
        List<String> messages = new ArrayList<>();
        Set<ValidationMessage> errors = metaSchemaValidator().validate(schema);
        for (ValidationMessage error : errors) {
            messages.add(error.getMessage());
        }
        messages.sort(null);
        return messages;
    }

    private JsonSchema metaSchemaValidator() {
        JsonSchema loaded = validator;
        if (loaded == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(false)
                    .build();
            loaded = JsonSchemaFactory.getInstance(flag).getSchema(SchemaLocation.of(metaSchema), config);
            validator = loaded;
        }
        return loaded;
    }
}
