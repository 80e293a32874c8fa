package dev.castle.domain;

/** A write the leader decides (DESIGN §5). Subjects are as the client addressed them, qualified with any context. */
public sealed interface Command
        permits Command.RegisterSchema,
                Command.TagSchema,
                Command.DeleteVersion,
                Command.DeleteSubject,
                Command.SetConfig,
                Command.DeleteConfig,
                Command.SetMode,
                Command.DeleteMode {

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
}
