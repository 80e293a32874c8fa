package dev.castle.domain;

import java.util.List;

/** A write the leader decides (DESIGN §5). Subjects are as the client addressed them, qualified with any context. */
public sealed interface Command
        permits Command.RegisterSchema,
                Command.TagSchema,
                Command.DeleteVersion,
                Command.DeleteSubject,
                Command.SetConfig,
                Command.DeleteConfig,
                Command.SetMode,
                Command.DeleteMode,
                Command.PutAssociations,
                Command.DeleteAssociations,
                Command.MutateAssociations,
                Command.DeleteContext {

    /** {@code POST /subjects/{s}/versions}. Answers {@code {"id": n}}. */
    record RegisterSchema(String subject, SchemaRequest request, boolean normalize) implements Command {}

    /**
     * {@code POST /subjects/{s}/versions/{v}/tags}: registers a new version derived from version {@code version}
     * ({@link VersionSpec#LATEST} for latest). Answers as a registration does.
     */
    record TagSchema(String subject, int version, TagRequest request) implements Command {}

    /** {@code DELETE /subjects/{s}/versions/{v}}; {@code version} is {@link VersionSpec#LATEST} for latest. Answers the version. */
    record DeleteVersion(String subject, int version, boolean permanent) implements Command {}

    /** {@code DELETE /subjects/{s}}. Answers the list of versions deleted. */
    record DeleteSubject(String subject, boolean permanent) implements Command {}

    /** {@code PUT /config[/{s}]}; {@code subject} null is global. Answers the config in request vocabulary. */
    record SetConfig(String subject, ConfigValue config) implements Command {}

    /** {@code DELETE /config[/{s}]}. Answers the previous config. */
    record DeleteConfig(String subject) implements Command {}

    /** {@code PUT /mode[/{s}]}; {@code mode} null clears it. Answers {@code {"mode": ...}}. */
    record SetMode(String subject, Mode mode, boolean force) implements Command {}

    /** {@code DELETE /mode[/{s}]}. Answers the previous mode. */
    record DeleteMode(String subject, boolean recursive) implements Command {}

    /**
     * {@code POST /associations} ({@code create}) and {@code PUT /associations/resources/{id}} (create or update);
     * {@code context} qualifies unqualified subjects (null: the default context). Answers an association response.
     */
    record PutAssociations(String context, boolean create, boolean dryRun, AssociationRequest request)
            implements Command {}

    /**
     * {@code DELETE /associations/resources/{id}}; an empty {@code associationTypes} is all of them, {@code cascade}
     * deletes a STRONG association's subject too. Answers nothing (204).
     */
    record DeleteAssociations(
            String resourceId, String resourceType, List<String> associationTypes, boolean cascade, boolean dryRun)
            implements Command {
        public DeleteAssociations {
            associationTypes = associationTypes == null ? List.of() : List.copyOf(associationTypes);
        }
    }

    /**
     * {@code POST /associations:batchMutate} (Confluent 8.x): each resource's operations, applied in order. Answers
     * {@code {"results":[…]}}, a result or an error per resource; a resource whose operations fail writes nothing.
     */
    record MutateAssociations(String context, boolean dryRun, List<AssociationBatch.Mutation> requests)
            implements Command {
        public MutateAssociations {
            requests = requests == null ? List.of() : List.copyOf(requests);
        }
    }

    /** {@code DELETE /contexts/{ctx}} (Confluent 8.x): forgets an empty context. Answers nothing (204). */
    record DeleteContext(String context) implements Command {}
}
