package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks Confluent 8.x makes of an association request before it looks at the registry
 * ({@code AssociationCreateOrUpdateRequest.validate}), and the defaults it fills in; every failure is 42212 naming the
 * property.
 */
final class AssociationRequests {
    static final String KEY = "key";
    static final String VALUE = "value";
    private static final int NAME_MAX_LENGTH = 256;

    private AssociationRequests() {}

    /** One association of a request as the rules refine it: subject and defaults are filled in as they are decided. */
    static final class Draft {
        String subject;
        String type;
        Lifecycle lifecycle;
        Boolean frozen;
        final SchemaRequest schema;
        final boolean normalize;

        Draft(AssociationRequest.Item item) {
            this.subject = item.subject();
            this.type = item.associationType();
            this.lifecycle = item.lifecycle();
            this.frozen = item.frozen();
            this.schema = item.schema();
            this.normalize = Boolean.TRUE.equals(item.normalize());
        }
    }

    /** A validated request: the resource (type defaulted to {@code topic}) and its drafts. */
    record Validated(String name, String namespace, String resourceId, String resourceType, List<Draft> drafts) {
        /** {@code :.namespace:name-type}: the subject a STRONG association gets when none is given. */
        String defaultSubject(String associationType) {
            return ":." + namespace + ":" + name + "-" + associationType;
        }
    }

    static RegistryException invalid(String property, String detail) {
        return new RegistryException(ErrorCode.INVALID_ASSOCIATION, property, detail);
    }

    static Validated validate(AssociationRequest request, boolean create, boolean dryRun) {
        String type = resourceType(request, dryRun);
        if (request.associations() == null || request.associations().isEmpty()) {
            throw invalid("associations", "cannot be null or empty");
        }
        List<Draft> drafts = new ArrayList<>();
        Validated validated =
                new Validated(request.resourceName(), request.resourceNamespace(), request.resourceId(), type, drafts);
        for (AssociationRequest.Item item : request.associations()) {
            Draft draft = new Draft(item);
            validate(draft, create);
            String defaultSubject = validated.defaultSubject(draft.type);
            if (create) {
                if (draft.subject == null) {
                    draft.subject = defaultSubject;
                }
                if (Boolean.TRUE.equals(draft.frozen) && !draft.subject.equals(defaultSubject)) {
                    throw invalid("subject", "frozen associations must use subject '" + defaultSubject + "'");
                }
                if (draft.lifecycle == Lifecycle.WEAK && draft.subject.equals(defaultSubject)) {
                    throw invalid("subject", "WEAK associations cannot use subject '" + defaultSubject + "'");
                }
            }
            drafts.add(draft);
        }
        return validated;
    }

    /** The checks of the resource a request names; its type, {@code topic} when not given. */
    static String resourceType(AssociationRequest request, boolean dryRun) {
        checkName(request.resourceName(), "resourceName");
        checkName(request.resourceNamespace(), "resourceNamespace");
        if (!dryRun && empty(request.resourceId())) {
            throw invalid("resourceId", "cannot be null or empty");
        }
        String type = orTopic(request.resourceType());
        if (!type.equals(Association.TOPIC)) {
            throw invalid("resourceType", "must be '" + Association.TOPIC + "'");
        }
        return type;
    }

    /** A resource type as sent, {@code topic} when null or empty. */
    static String orTopic(String resourceType) {
        return empty(resourceType) ? Association.TOPIC : resourceType;
    }

    /** An association type as sent: {@code key} or {@code value}, {@code value} when not given. */
    static String associationType(String type) {
        if (empty(type)) {
            return VALUE;
        } else if (!type.equals(KEY) && !type.equals(VALUE)) {
            throw invalid("associationType", "must be either '" + KEY + "' or '" + VALUE + "'");
        }
        return type;
    }

    private static void validate(Draft draft, boolean create) {
        if (draft.subject != null
                && (draft.subject.isEmpty() || draft.subject.chars().anyMatch(Character::isISOControl))) {
            throw invalid("subject", "must not be empty");
        }
        if (create) {
            applyDefaults(draft, true);
        }
        draft.type = associationType(draft.type);
        if (draft.lifecycle == Lifecycle.WEAK) {
            if (draft.schema != null) {
                throw invalid("lifecycle", "cannot be WEAK when schema is provided");
            }
            if (Boolean.TRUE.equals(draft.frozen)) {
                throw invalid("frozen", "association with lifecycle of WEAK cannot be frozen");
            }
            if (create && draft.subject == null) {
                throw invalid("subject", "must be provided for WEAK associations");
            }
        }
    }

    /**
     * The defaults of an association that does not exist yet: a schema makes it a frozen STRONG one (an upsert may not
     * carry one), otherwise WEAK; frozen follows the lifecycle.
     */
    static void applyDefaults(Draft draft, boolean create) {
        if (!create && draft.schema != null) {
            throw invalid(
                    "schema",
                    "cannot be provided when adding an association to an existing topic; "
                            + "an association with a schema must be created with the topic");
        }
        if (draft.schema != null) {
            if (draft.lifecycle == Lifecycle.WEAK) {
                throw invalid("lifecycle", "cannot be WEAK when schema is provided");
            }
            if (Boolean.FALSE.equals(draft.frozen)) {
                throw invalid("frozen", "cannot be false when a schema is provided");
            }
            draft.lifecycle = Lifecycle.STRONG;
        } else if (draft.lifecycle == null) {
            draft.lifecycle = Lifecycle.WEAK;
        }
        boolean frozen = draft.lifecycle == Lifecycle.STRONG;
        if (draft.frozen != null && draft.frozen != frozen) {
            throw invalid(
                    "frozen",
                    String.format(
                            "association with lifecycle of %s cannot be frozen=%s", draft.lifecycle, draft.frozen));
        }
        draft.frozen = frozen;
    }

    private static void checkName(String name, String property) {
        if (empty(name)) {
            throw invalid(property, "cannot be null or empty");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw invalid(property, "exceeds max length of " + NAME_MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                throw invalid(property, "illegal character '" + c + "'");
            }
        }
    }

    private static boolean empty(String text) {
        return text == null || text.isEmpty();
    }
}
